//! The stock catalogue of SWR error codes: the 188 of the seed's published table, in its order,
//! then the codes the current published table adds.

use crate::SwrError;

/// The stock catalogue of SWR error codes.
///
/// There is one variant per published code: the 188 codes of the seed's table, in its order, then
/// the codes the current published table adds ([`SwrCode::ADDED_AFTER_SEED`] of them, each
/// documented as such). Each variant
/// knows its code, its HTTP status and its message; the message is the first line of the
/// variant's documentation.
///
/// Look a code up by its string with `SwrCode::from_code`, or parse it with
/// `"SVCSTG.SWR.4040010".parse::<SwrCode>()`.
///
/// The enum is `#[non_exhaustive]`: new codes may be added in minor releases, so a `match` on it
/// needs a wildcard arm.
///
/// # Example
///
/// ```
/// use swr_errors::{SwrCode, SwrError};
///
/// let code = SwrCode::ImageNotFound;
/// assert_eq!(code.code(), "SVCSTG.SWR.4040010");
/// assert_eq!(code.status(), 404);
/// assert_eq!(code.message(), "The image does not exist.");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, SwrError)]
#[swr(crate = "crate", kind = "Self")]
#[non_exhaustive]
pub enum SwrCode {
    /// Authentication failed.
    ///
    /// `SVCSTG.SWR.4010000` · HTTP 401
    #[swr(code = "SVCSTG.SWR.4010000", status = 401)]
    AuthenticationFailed,

    /// Internal server error: Failed to obtain the application description.
    ///
    /// `SVCSTG.SWR.5000001` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000001", status = 500)]
    #[swr(retry = "server_error")]
    ApplicationDescriptionFetchFailed,

    /// Internal server error: Failed to obtain the image information.
    ///
    /// `SVCSTG.SWR.5000002` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000002", status = 500)]
    #[swr(retry = "server_error")]
    ImageInfoFetchFailed,

    /// Internal server error: Failed to obtain the image list.
    ///
    /// `SVCSTG.SWR.5000003` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000003", status = 500)]
    #[swr(retry = "server_error")]
    ImageListFetchFailed,

    /// The software package does not exist.
    ///
    /// `SVCSTG.SWR.4040004` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4040004", status = 404)]
    PackageNotFound,

    /// Internal server error: Deletion fails.
    ///
    /// `SVCSTG.SWR.5000005` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000005", status = 500)]
    #[swr(retry = "server_error")]
    DeletionFailed,

    /// The image already exists.
    ///
    /// `SVCSTG.SWR.4090006` · HTTP 409
    #[swr(code = "SVCSTG.SWR.4090006", status = 409)]
    ImageExists,

    /// Internal server error: Operation fails.
    ///
    /// `SVCSTG.SWR.5000007` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000007", status = 500)]
    #[swr(retry = "server_error")]
    OperationFailed,

    /// Internal server error: Failed to obtain the list.
    ///
    /// `SVCSTG.SWR.5000008` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000008", status = 500)]
    #[swr(retry = "server_error")]
    ListFetchFailed,

    /// The image list cannot be found.
    ///
    /// `SVCSTG.SWR.4040009` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4040009", status = 404)]
    ImageListNotFound,

    /// The image does not exist.
    ///
    /// `SVCSTG.SWR.4040010` · HTTP 404
    ///
    /// Reads the same as [`SwrCode::QueriedImageNotFound`] (`SVCSTG.SWR.4040113`); this one sits in
    /// the image-repository block (image list not found, update fails, repository not empty), so it
    /// is the general "no such image" of repository management.
    #[swr(code = "SVCSTG.SWR.4040010", status = 404)]
    ImageNotFound,

    /// Internal server error: Update fails.
    ///
    /// `SVCSTG.SWR.5000011` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000011", status = 500)]
    #[swr(retry = "server_error")]
    UpdateFailed,

    /// Failed to delete the image repository because it contains images.
    ///
    /// `SVCSTG.SWR.4060012` · HTTP 406
    #[swr(code = "SVCSTG.SWR.4060012", status = 406)]
    RepositoryNotEmpty,

    /// Invalid digest.
    ///
    /// `SVCSTG.SWR.4000013` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000013", status = 400)]
    InvalidDigest,

    /// Invalid parameter.
    ///
    /// `SVCSTG.SWR.4000014` · HTTP 400
    ///
    /// Reads the same as [`SwrCode::InvalidRequestParameter`] (`SVCSTG.SWR.4001025`); this one sits
    /// among the software-package checks (invalid digest, package name, version number).
    #[swr(code = "SVCSTG.SWR.4000014", status = 400)]
    InvalidParameter,

    /// Invalid package name.
    ///
    /// `SVCSTG.SWR.4000015` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000015", status = 400)]
    InvalidPackageName,

    /// Invalid version number.
    ///
    /// `SVCSTG.SWR.4000016` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000016", status = 400)]
    InvalidVersionNumber,

    /// Internal server error: The application signature function is disabled.
    ///
    /// `SVCSTG.SWR.5000017` · HTTP 500
    ///
    /// Not marked retryable despite the 500 status: a disabled function is a configuration state,
    /// and repeating the request cannot enable it.
    #[swr(code = "SVCSTG.SWR.5000017", status = 500)]
    ApplicationSignatureDisabled,

    /// Internal server error: Failed to read public keys.
    ///
    /// `SVCSTG.SWR.5000018` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000018", status = 500)]
    #[swr(retry = "server_error")]
    PublicKeyReadFailed,

    /// Internal server error: Failed to find local files.
    ///
    /// `SVCSTG.SWR.5000019` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000019", status = 500)]
    #[swr(retry = "server_error")]
    LocalFileLookupFailed,

    /// Internal server error: Failed to obtain session locks.
    ///
    /// `SVCSTG.SWR.5000020` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000020", status = 500)]
    #[swr(retry = "server_error")]
    SessionLockAcquireFailed,

    /// Internal server error: Failed to synchronize files.
    ///
    /// `SVCSTG.SWR.5000021` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000021", status = 500)]
    #[swr(retry = "server_error")]
    FileSyncFailed,

    /// Internal server error: Failed to synchronize meta files.
    ///
    /// `SVCSTG.SWR.5000022` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000022", status = 500)]
    #[swr(retry = "server_error")]
    MetaFileSyncFailed,

    /// The system is busy.
    ///
    /// `SVCSTG.SWR.4090023` · HTTP 409
    #[swr(code = "SVCSTG.SWR.4090023", status = 409)]
    #[swr(retry = "busy")]
    SystemBusy,

    /// Internal server error: Failed to generate the SHA value.
    ///
    /// `SVCSTG.SWR.5000024` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000024", status = 500)]
    #[swr(retry = "server_error")]
    ShaGenerationFailed,

    /// The file exceeds the maximum size allowed.
    ///
    /// `SVCSTG.SWR.4130025` · HTTP 413
    #[swr(code = "SVCSTG.SWR.4130025", status = 413)]
    FileTooLarge,

    /// Internal server error: Failed to decompress the package.
    ///
    /// `SVCSTG.SWR.5000027` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000027", status = 500)]
    #[swr(retry = "server_error")]
    PackageDecompressFailed,

    /// Incorrect image format.
    ///
    /// `SVCSTG.SWR.4000028` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000028", status = 400)]
    IncorrectImageFormat,

    /// Incorrect image format: The image name is inconsistent.
    ///
    /// `SVCSTG.SWR.4000029` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000029", status = 400)]
    ImageNameMismatch,

    /// Internal server error: Failed to locate the file pointer.
    ///
    /// `SVCSTG.SWR.5000030` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000030", status = 500)]
    #[swr(retry = "server_error")]
    FilePointerLocateFailed,

    /// Invalid AK/SK.
    ///
    /// `SVCSTG.SWR.4000031` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000031", status = 400)]
    InvalidAkSk,

    /// Internal server error: JSON conversion fails.
    ///
    /// `SVCSTG.SWR.5000032` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000032", status = 500)]
    #[swr(retry = "server_error")]
    JsonConversionFailed,

    /// Internal server error: Failed to save the application file.
    ///
    /// `SVCSTG.SWR.5000033` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000033", status = 500)]
    #[swr(retry = "server_error")]
    ApplicationFileSaveFailed,

    /// Internal server error: Failed to delete the application.
    ///
    /// `SVCSTG.SWR.5000034` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000034", status = 500)]
    #[swr(retry = "server_error")]
    ApplicationDeleteFailed,

    /// Internal server error: Failed to save the application to the database.
    ///
    /// `SVCSTG.SWR.5000035` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000035", status = 500)]
    #[swr(retry = "server_error")]
    ApplicationDbSaveFailed,

    /// Internal server error: Failed to update the application database.
    ///
    /// `SVCSTG.SWR.5000036` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000036", status = 500)]
    #[swr(retry = "server_error")]
    ApplicationDbUpdateFailed,

    /// Internal server error: Failed to create the signature.
    ///
    /// `SVCSTG.SWR.5000037` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000037", status = 500)]
    #[swr(retry = "server_error")]
    SignatureCreateFailed,

    /// Internal server error: Failed to delete the signature.
    ///
    /// `SVCSTG.SWR.5000038` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000038", status = 500)]
    #[swr(retry = "server_error")]
    SignatureDeleteFailed,

    /// Invalid session ID.
    ///
    /// `SVCSTG.SWR.4000039` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000039", status = 400)]
    InvalidSessionId,

    /// Failed to update status.
    ///
    /// `SVCSTG.SWR.5000040` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000040", status = 500)]
    #[swr(retry = "server_error")]
    StatusUpdateFailed,

    /// Internal server error: Failed to read the session.
    ///
    /// `SVCSTG.SWR.5000041` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000041", status = 500)]
    #[swr(retry = "server_error")]
    SessionReadFailed,

    /// Internal server error: Failed to reclaim the session.
    ///
    /// `SVCSTG.SWR.5000042` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000042", status = 500)]
    #[swr(retry = "server_error")]
    SessionReclaimFailed,

    /// The session does not exist.
    ///
    /// `SVCSTG.SWR.4040043` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4040043", status = 404)]
    SessionNotFound,

    /// Internal server error: Failed to generate the session.
    ///
    /// `SVCSTG.SWR.5000044` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000044", status = 500)]
    #[swr(retry = "server_error")]
    SessionGenerationFailed,

    /// Internal server error: Failed to bind the session.
    ///
    /// `SVCSTG.SWR.4000045` · HTTP 400
    ///
    /// Despite the "Internal server error" wording, the status is 400: by status this is a client
    /// error, so it is not marked retryable.
    #[swr(code = "SVCSTG.SWR.4000045", status = 400)]
    SessionBindFailed,

    /// Internal server error: Creation fails.
    ///
    /// `SVCSTG.SWR.5000046` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000046", status = 500)]
    #[swr(retry = "server_error")]
    CreationFailed,

    /// This version is not supported.
    ///
    /// `SVCSTG.SWR.4000047` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000047", status = 400)]
    UnsupportedVersion,

    /// The image tag does not exist.
    ///
    /// `SVCSTG.SWR.4040048` · HTTP 404
    ///
    /// Reads the same as [`SwrCode::QueriedImageTagNotFound`] and [`SwrCode::RegistryTagNotFound`];
    /// this one sits among the image version and deletion codes (unsupported version, failed image
    /// deletion, digest generation).
    #[swr(code = "SVCSTG.SWR.4040048", status = 404)]
    ImageTagNotFound,

    /// Internal server error: Failed to delete the image.
    ///
    /// `SVCSTG.SWR.5000049` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000049", status = 500)]
    #[swr(retry = "server_error")]
    ImageDeleteFailed,

    /// Internal server error: Failed to generate the digest.
    ///
    /// `SVCSTG.SWR.5000050` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000050", status = 500)]
    #[swr(retry = "server_error")]
    DigestGenerationFailed,

    /// Internal server error: Failed to obtain the SHA list.
    ///
    /// `SVCSTG.SWR.5000051` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000051", status = 500)]
    #[swr(retry = "server_error")]
    ShaListFetchFailed,

    /// Internal server error: Failed to reduce image references.
    ///
    /// `SVCSTG.SWR.5000052` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000052", status = 500)]
    #[swr(retry = "server_error")]
    ImageReferenceReduceFailed,

    /// Deletion fails. Please first delete the software package.
    ///
    /// `SVCSTG.SWR.4060053` · HTTP 406
    #[swr(code = "SVCSTG.SWR.4060053", status = 406)]
    DeletionBlockedByPackage,

    /// Internal server error: Saving fails.
    ///
    /// `SVCSTG.SWR.5000054` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000054", status = 500)]
    #[swr(retry = "server_error")]
    SaveFailed,

    /// No search content.
    ///
    /// `SVCSTG.SWR.4000055` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000055", status = 400)]
    MissingSearchContent,

    /// Invalid page size.
    ///
    /// `SVCSTG.SWR.4000056` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000056", status = 400)]
    InvalidPageSize,

    /// Internal server error: Failed to obtain the organization.
    ///
    /// `SVCSTG.SWR.5000057` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000057", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationFetchFailed,

    /// The organization does not exist.
    ///
    /// `SVCSTG.SWR.4040058` · HTTP 404
    ///
    /// Reads the same as [`SwrCode::RegistryOrganizationNotFound`] (`SVCSTG.SWR.4041061`); this one
    /// sits in the organization management block (fetch, create, already exists).
    #[swr(code = "SVCSTG.SWR.4040058", status = 404)]
    OrganizationNotFound,

    /// Internal server error: Failed to create the organization.
    ///
    /// `SVCSTG.SWR.5000059` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000059", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationCreateFailed,

    /// The organization already exists.
    ///
    /// `SVCSTG.SWR.4090060` · HTTP 409
    #[swr(code = "SVCSTG.SWR.4090060", status = 409)]
    OrganizationExists,

    /// Failed to obtain the IP address of the software instance.
    ///
    /// `SVCSTG.SWR.5000061` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000061", status = 500)]
    #[swr(retry = "server_error")]
    InstanceIpFetchFailed,

    /// Failed to obtain the local IP address of the software.
    ///
    /// `SVCSTG.SWR.5000062` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000062", status = 500)]
    #[swr(retry = "server_error")]
    LocalIpFetchFailed,

    /// Failed to obtain the tag list.
    ///
    /// `SVCSTG.SWR.5000063` · HTTP 500
    ///
    /// Compare [`SwrCode::RegistryTagListFetchFailed`] (`SVCSTG.SWR.5001056`), the same failure
    /// with an "Internal server error:" prefix in the docker push/pull block; this one follows the
    /// software-instance IP look-ups.
    #[swr(code = "SVCSTG.SWR.5000063", status = 500)]
    #[swr(retry = "server_error")]
    TagListFetchFailed,

    /// Invalid image: The manifest file contains empty RepoTags.
    ///
    /// `SVCSTG.SWR.4000064` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000064", status = 400)]
    ManifestEmptyRepoTags,

    /// Invalid image: The manifest file does not have layer information.
    ///
    /// `SVCSTG.SWR.4000065` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000065", status = 400)]
    ManifestMissingLayers,

    /// Invalid image: The manifest file does not have configuration information.
    ///
    /// `SVCSTG.SWR.4000066` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000066", status = 400)]
    ManifestMissingConfig,

    /// Invalid image package: The image package does not have a manifest file.
    ///
    /// `SVCSTG.SWR.4000067` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000067", status = 400)]
    ImagePackageMissingManifest,

    /// Invalid image: Failed to parse the manifest file.
    ///
    /// `SVCSTG.SWR.4000068` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000068", status = 400)]
    ManifestParseFailed,

    /// Invalid image: The image format is incorrect or not supported.
    ///
    /// `SVCSTG.SWR.4000069` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000069", status = 400)]
    UnsupportedImageFormat,

    /// Your OBS service is disabled or incorrect. Please first check your OBS service.
    ///
    /// `SVCSTG.SWR.5070070` · HTTP 507
    ///
    /// Not marked retryable: the account owner has to enable or fix the OBS service first;
    /// repeating the request cannot help.
    #[swr(code = "SVCSTG.SWR.5070070", status = 507)]
    ObsServiceDisabled,

    /// Internal server error: Failed to obtain the user list.
    ///
    /// `SVCSTG.SWR.5000071` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000071", status = 500)]
    #[swr(retry = "server_error")]
    UserListFetchFailed,

    /// Internal server error: Restoration fails.
    ///
    /// `SVCSTG.SWR.5000073` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000073", status = 500)]
    #[swr(retry = "server_error")]
    RestorationFailed,

    /// Internal server error: Failed to update the organization.
    ///
    /// `SVCSTG.SWR.5000075` · HTTP 500
    ///
    /// Reads the same as [`SwrCode::RegistryOrganizationUpdateFailed`] (`SVCSTG.SWR.5001062`); this
    /// one sits in the organization management area, just before the organization-permission codes.
    #[swr(code = "SVCSTG.SWR.5000075", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationUpdateFailed,

    /// The organization permission already exists.
    ///
    /// `SVCSTG.SWR.4090076` · HTTP 409
    #[swr(code = "SVCSTG.SWR.4090076", status = 409)]
    OrganizationPermissionExists,

    /// Internal server error: Failed to obtain the organization permission.
    ///
    /// `SVCSTG.SWR.5000077` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000077", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationPermissionFetchFailed,

    /// The organization permission does not exist.
    ///
    /// `SVCSTG.SWR.4040078` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4040078", status = 404)]
    OrganizationPermissionNotFound,

    /// Internal server error: Failed to update the organization permission.
    ///
    /// `SVCSTG.SWR.5000079` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000079", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationPermissionUpdateFailed,

    /// Internal server error: Failed to create the organization permission.
    ///
    /// `SVCSTG.SWR.5000080` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000080", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationPermissionCreateFailed,

    /// Internal server error: Failed to delete the organization permission.
    ///
    /// `SVCSTG.SWR.5000081` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000081", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationPermissionDeleteFailed,

    /// Internal server error: Failed to parse the JSON file.
    ///
    /// `SVCSTG.SWR.5000082` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000082", status = 500)]
    #[swr(retry = "server_error")]
    JsonFileParseFailed,

    /// The requested URL cannot be found.
    ///
    /// `SVCSTG.SWR.4040083` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4040083", status = 404)]
    UrlNotFound,

    /// Internal server error: Failed to obtain the service.
    ///
    /// `SVCSTG.SWR.5000084` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000084", status = 500)]
    #[swr(retry = "server_error")]
    ServiceFetchFailed,

    /// Internal server error: Failed to create the tag.
    ///
    /// `SVCSTG.SWR.5000085` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000085", status = 500)]
    #[swr(retry = "server_error")]
    TagCreateFailed,

    /// Internal server error: Failed to update the tag.
    ///
    /// `SVCSTG.SWR.5000086` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000086", status = 500)]
    #[swr(retry = "server_error")]
    TagUpdateFailed,

    /// Internal server error: Failed to obtain the image layer.
    ///
    /// `SVCSTG.SWR.5000087` · HTTP 500
    ///
    /// Reads the same as [`SwrCode::RegistryLayerFetchFailed`] (`SVCSTG.SWR.5001050`); this one
    /// sits among the tag and layer storage codes (tag create/update, layer deletion from UDS).
    #[swr(code = "SVCSTG.SWR.5000087", status = 500)]
    #[swr(retry = "server_error")]
    ImageLayerFetchFailed,

    /// Internal server error: Failed to delete the image layer from UDS.
    ///
    /// `SVCSTG.SWR.5000088` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000088", status = 500)]
    #[swr(retry = "server_error")]
    UdsLayerDeleteFailed,

    /// The permission already exists.
    ///
    /// `SVCSTG.SWR.4090089` · HTTP 409
    #[swr(code = "SVCSTG.SWR.4090089", status = 409)]
    PermissionExists,

    /// Internal server error: Failed to obtain the permission.
    ///
    /// `SVCSTG.SWR.5000090` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000090", status = 500)]
    #[swr(retry = "server_error")]
    PermissionFetchFailed,

    /// The permission does not exist.
    ///
    /// `SVCSTG.SWR.4040091` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4040091", status = 404)]
    PermissionNotFound,

    /// Internal server error: Failed to update the permission.
    ///
    /// `SVCSTG.SWR.5000092` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000092", status = 500)]
    #[swr(retry = "server_error")]
    PermissionUpdateFailed,

    /// Internal server error: Failed to create the permission.
    ///
    /// `SVCSTG.SWR.5000093` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000093", status = 500)]
    #[swr(retry = "server_error")]
    PermissionCreateFailed,

    /// The maximum number of organizations has been exceeded.
    ///
    /// `SVCSTG.SWR.4000097` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000097", status = 400)]
    OrganizationQuotaExceeded,

    /// The maximum number of images has been exceeded.
    ///
    /// `SVCSTG.SWR.4000098` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000098", status = 400)]
    ImageQuotaExceeded,

    /// The maximum number of image tags has been exceeded.
    ///
    /// `SVCSTG.SWR.4000099` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4000099", status = 400)]
    ImageTagQuotaExceeded,

    /// Internal server error. Failed to obtain the image.
    ///
    /// `SVCSTG.SWR.5000112` · HTTP 500
    ///
    /// Its message differs from [`SwrCode::ImageFetchFailed`] (`SVCSTG.SWR.5001059`) only by the
    /// `.` after "Internal server error"; this one opens the `0112`-`0115` image and tag look-up
    /// block, next to [`SwrCode::QueriedImageNotFound`].
    #[swr(code = "SVCSTG.SWR.5000112", status = 500)]
    #[swr(retry = "server_error")]
    ImageQueryFailed,

    /// The image does not exist.
    ///
    /// `SVCSTG.SWR.4040113` · HTTP 404
    ///
    /// Reads the same as [`SwrCode::ImageNotFound`] (`SVCSTG.SWR.4040010`); this one belongs to the
    /// `0112`-`0115` image and tag look-up block, where [`SwrCode::ImageQueryFailed`] is the
    /// server-side failure of the same look-up.
    #[swr(code = "SVCSTG.SWR.4040113", status = 404)]
    QueriedImageNotFound,

    /// Internal server error. Failed to obtain the image tag.
    ///
    /// `SVCSTG.SWR.5000114` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5000114", status = 500)]
    #[swr(retry = "server_error")]
    ImageTagQueryFailed,

    /// The image tag does not exist.
    ///
    /// `SVCSTG.SWR.4040115` · HTTP 404
    ///
    /// Reads the same as [`SwrCode::ImageTagNotFound`] and [`SwrCode::RegistryTagNotFound`]; this
    /// one closes the `0112`-`0115` image and tag look-up block, paired with
    /// [`SwrCode::ImageTagQueryFailed`].
    #[swr(code = "SVCSTG.SWR.4040115", status = 404)]
    QueriedImageTagNotFound,

    /// Content-Type must be set to multipart/form-data.
    ///
    /// `SVCSTG.SWR.4001000` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001000", status = 400)]
    ContentTypeNotMultipart,

    /// The request exceeds the maximum size allowed.
    ///
    /// `SVCSTG.SWR.4131001` · HTTP 413
    #[swr(code = "SVCSTG.SWR.4131001", status = 413)]
    RequestTooLarge,

    /// Internal server error: The external address is disabled.
    ///
    /// `SVCSTG.SWR.5001002` · HTTP 500
    ///
    /// Not marked retryable despite the 500 status: a disabled external address is a configuration
    /// state, and repeating the request cannot enable it.
    #[swr(code = "SVCSTG.SWR.5001002", status = 500)]
    ExternalAddressDisabled,

    /// Failed to obtain the form file.
    ///
    /// `SVCSTG.SWR.4001003` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001003", status = 400)]
    FormFileFetchFailed,

    /// Type must be set to app.
    ///
    /// `SVCSTG.SWR.4001004` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001004", status = 400)]
    TypeNotApp,

    /// Failed to parse the form.
    ///
    /// `SVCSTG.SWR.4001005` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001005", status = 400)]
    FormParseFailed,

    /// Invalid meta file format.
    ///
    /// `SVCSTG.SWR.4001006` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001006", status = 400)]
    InvalidMetaFileFormat,

    /// Invalid organization or name.
    ///
    /// `SVCSTG.SWR.4001008` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001008", status = 400)]
    InvalidOrganizationOrName,

    /// is_public must be set to true or false.
    ///
    /// `SVCSTG.SWR.4001009` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001009", status = 400)]
    InvalidIsPublic,

    /// Type must be set to app or image.
    ///
    /// `SVCSTG.SWR.4001010` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001010", status = 400)]
    TypeNotAppOrImage,

    /// Type must be set to app, image or left blank.
    ///
    /// `SVCSTG.SWR.4001011` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001011", status = 400)]
    TypeNotAppImageOrBlank,

    /// The description exceeds the maximum length allowed.
    ///
    /// `SVCSTG.SWR.4131012` · HTTP 413
    #[swr(code = "SVCSTG.SWR.4131012", status = 413)]
    DescriptionTooLong,

    /// ak or sk cannot be left blank.
    ///
    /// `SVCSTG.SWR.4001013` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001013", status = 400)]
    MissingAkSk,

    /// Mandatory parameters must be set.
    ///
    /// `SVCSTG.SWR.4001014` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001014", status = 400)]
    MissingMandatoryParameters,

    /// The form file cannot be found.
    ///
    /// `SVCSTG.SWR.4001015` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001015", status = 400)]
    FormFileNotFound,

    /// At least is_public and manifests must be set.
    ///
    /// `SVCSTG.SWR.4001016` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001016", status = 400)]
    MissingIsPublicAndManifests,

    /// Incorrect request body type.
    ///
    /// `SVCSTG.SWR.4001018` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001018", status = 400)]
    InvalidRequestBodyType,

    /// Failed to parse the form file.
    ///
    /// `SVCSTG.SWR.4001019` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001019", status = 400)]
    FormFileParseFailed,

    /// Internal server error: Failed to read the form file.
    ///
    /// `SVCSTG.SWR.5001020` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001020", status = 500)]
    #[swr(retry = "server_error")]
    FormFileReadFailed,

    /// The version number cannot be left blank.
    ///
    /// `SVCSTG.SWR.4001021` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001021", status = 400)]
    MissingVersionNumber,

    /// Incorrect file type.
    ///
    /// `SVCSTG.SWR.4001022` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001022", status = 400)]
    IncorrectFileType,

    /// Unsupported file type.
    ///
    /// `SVCSTG.SWR.4001023` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001023", status = 400)]
    UnsupportedFileType,

    /// Failed to query parameters.
    ///
    /// `SVCSTG.SWR.4001024` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001024", status = 400)]
    ParameterQueryFailed,

    /// Invalid parameter.
    ///
    /// `SVCSTG.SWR.4001025` · HTTP 400
    ///
    /// Reads the same as [`SwrCode::InvalidParameter`] (`SVCSTG.SWR.4000014`); this one sits in the
    /// `4001xxx` request-validation block, right after [`SwrCode::ParameterQueryFailed`].
    #[swr(code = "SVCSTG.SWR.4001025", status = 400)]
    InvalidRequestParameter,

    /// Failed to obtain the manifest file.
    ///
    /// `SVCSTG.SWR.5001026` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001026", status = 500)]
    #[swr(retry = "server_error")]
    ManifestFetchFailed,

    /// Status must be set to done or error.
    ///
    /// `SVCSTG.SWR.4001027` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001027", status = 400)]
    StatusNotDoneOrError,

    /// Invalid organization name.
    ///
    /// `SVCSTG.SWR.4001028` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001028", status = 400)]
    InvalidOrganizationName,

    /// Invalid image name.
    ///
    /// `SVCSTG.SWR.4001029` · HTTP 400
    ///
    /// Reads the same as [`SwrCode::InvalidBuildImageName`] (`SVCSTG.SWR.4009011`); this one sits
    /// in the request-validation block, between the invalid organization name and the invalid
    /// package.
    #[swr(code = "SVCSTG.SWR.4001029", status = 400)]
    InvalidImageName,

    /// Invalid package.
    ///
    /// `SVCSTG.SWR.4001030` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001030", status = 400)]
    InvalidPackage,

    /// The number of requests exceeds the maximum number allowed.
    ///
    /// `SVCSTG.SWR.4031032` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4031032", status = 403)]
    #[swr(retry = "throttled")]
    RequestLimitExceeded,

    /// Unavailable request.
    ///
    /// `SVCSTG.SWR.4031033` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4031033", status = 403)]
    RequestUnavailable,

    /// Invalid filtering criteria.
    ///
    /// `SVCSTG.SWR.4001035` · HTTP 400
    ///
    /// Reads the same as [`SwrCode::InvalidBuildFilterCriteria`] (`SVCSTG.SWR.4009014`); this one
    /// sits in the general request-validation block, just after the request-rate limit codes.
    #[swr(code = "SVCSTG.SWR.4001035", status = 400)]
    InvalidFilterCriteria,

    /// Parameters are lost.
    ///
    /// `SVCSTG.SWR.4001036` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001036", status = 400)]
    MissingParameters,

    /// The registration center type is not supported.
    ///
    /// `SVCSTG.SWR.4001037` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001037", status = 400)]
    UnsupportedRegistrationCenterType,

    /// The registration center is unavailable.
    ///
    /// `SVCSTG.SWR.5001038` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001038", status = 500)]
    #[swr(retry = "server_error")]
    RegistrationCenterUnavailable,

    /// Search fails.
    ///
    /// `SVCSTG.SWR.5001039` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001039", status = 500)]
    #[swr(retry = "server_error")]
    SearchFailed,

    /// Invalid domain.
    ///
    /// `SVCSTG.SWR.4001041` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001041", status = 400)]
    InvalidDomain,

    /// There are too many requests.
    ///
    /// `SVCSTG.SWR.4031042` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4031042", status = 403)]
    #[swr(retry = "throttled")]
    TooManyRequests,

    /// Invalid JWT token request.
    ///
    /// `SVCSTG.SWR.4031043` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4031043", status = 403)]
    InvalidJwtTokenRequest,

    /// The image to be uploaded has been created by another user. You do not have the permission to upload the image.
    ///
    /// `SVCSTG.SWR.4011044` · HTTP 401
    #[swr(code = "SVCSTG.SWR.4011044", status = 401)]
    ImageOwnedByAnotherUser,

    /// The SWRServer parameter is missing.
    ///
    /// `SVCSTG.SWR.4001045` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001045", status = 400)]
    MissingSwrServerParameter,

    /// Internal server error: Failed to check the organization.
    ///
    /// `SVCSTG.SWR.5001046` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001046", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationCheckFailed,

    /// Internal server error: Failed to save the organization.
    ///
    /// `SVCSTG.SWR.5001047` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001047", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationSaveFailed,

    /// Failed to obtain the token.
    ///
    /// `SVCSTG.SWR.4001048` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001048", status = 400)]
    TokenFetchFailed,

    /// Internal server error: Failed to delete the organization.
    ///
    /// `SVCSTG.SWR.5001049` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001049", status = 500)]
    #[swr(retry = "server_error")]
    OrganizationDeleteFailed,

    /// Internal server error: Failed to obtain the image layer.
    ///
    /// `SVCSTG.SWR.5001050` · HTTP 500
    ///
    /// Reads the same as [`SwrCode::ImageLayerFetchFailed`] (`SVCSTG.SWR.5000087`); this one opens
    /// the layer codes of the docker push/pull block (layer missing, invalid, upload, path, save).
    #[swr(code = "SVCSTG.SWR.5001050", status = 500)]
    #[swr(retry = "server_error")]
    RegistryLayerFetchFailed,

    /// The image layer does not exist.
    ///
    /// `SVCSTG.SWR.4041051` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4041051", status = 404)]
    ImageLayerNotFound,

    /// Internal server error: Invalid image layer.
    ///
    /// `SVCSTG.SWR.5001052` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001052", status = 500)]
    #[swr(retry = "server_error")]
    InvalidImageLayer,

    /// Internal server error: Invalid upload of an image layer.
    ///
    /// `SVCSTG.SWR.5001053` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001053", status = 500)]
    #[swr(retry = "server_error")]
    InvalidLayerUpload,

    /// Internal server error: Failed to create the image layer path.
    ///
    /// `SVCSTG.SWR.5001054` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001054", status = 500)]
    #[swr(retry = "server_error")]
    LayerPathCreateFailed,

    /// Internal server error: Failed to save the image layer.
    ///
    /// `SVCSTG.SWR.5001055` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001055", status = 500)]
    #[swr(retry = "server_error")]
    ImageLayerSaveFailed,

    /// The image tag does not exist.
    ///
    /// `SVCSTG.SWR.4041056` · HTTP 404
    ///
    /// Reads the same as [`SwrCode::ImageTagNotFound`] and [`SwrCode::QueriedImageTagNotFound`];
    /// this one sits in the docker push/pull block among the layer, tag-list and manifest codes. It
    /// also shares its last four digits (`1056`) with [`SwrCode::RegistryTagListFetchFailed`]
    /// (`SVCSTG.SWR.5001056`): match on the full code, never on the numeric suffix alone.
    #[swr(code = "SVCSTG.SWR.4041056", status = 404)]
    RegistryTagNotFound,

    /// Internal server error: Failed to obtain the tag list.
    ///
    /// `SVCSTG.SWR.5001056` · HTTP 500
    ///
    /// Shares its last four digits (`1056`) with [`SwrCode::RegistryTagNotFound`]
    /// (`SVCSTG.SWR.4041056`), so the suffix alone does not identify a code. Compare
    /// [`SwrCode::TagListFetchFailed`] (`SVCSTG.SWR.5000063`), whose message lacks the "Internal
    /// server error:" prefix; this one sits in the docker push/pull block.
    #[swr(code = "SVCSTG.SWR.5001056", status = 500)]
    #[swr(retry = "server_error")]
    RegistryTagListFetchFailed,

    /// The tag list does not exist.
    ///
    /// `SVCSTG.SWR.4041057` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4041057", status = 404)]
    TagListNotFound,

    /// Internal server error: Failed to save the image.
    ///
    /// `SVCSTG.SWR.5001058` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001058", status = 500)]
    #[swr(retry = "server_error")]
    ImageSaveFailed,

    /// Internal server error: Failed to obtain the image.
    ///
    /// `SVCSTG.SWR.5001059` · HTTP 500
    ///
    /// Its message differs from [`SwrCode::ImageQueryFailed`] (`SVCSTG.SWR.5000112`) only by the
    /// `:` after "Internal server error"; this one sits in the docker push/pull block, between
    /// saving the image and the missing manifest.
    #[swr(code = "SVCSTG.SWR.5001059", status = 500)]
    #[swr(retry = "server_error")]
    ImageFetchFailed,

    /// The manifest file does not exist.
    ///
    /// `SVCSTG.SWR.4041060` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4041060", status = 404)]
    ManifestNotFound,

    /// The organization does not exist.
    ///
    /// `SVCSTG.SWR.4041061` · HTTP 404
    ///
    /// Reads the same as [`SwrCode::OrganizationNotFound`] (`SVCSTG.SWR.4040058`); this one sits at
    /// the end of the docker push/pull block, after the missing manifest and next to
    /// [`SwrCode::RegistryOrganizationUpdateFailed`].
    #[swr(code = "SVCSTG.SWR.4041061", status = 404)]
    RegistryOrganizationNotFound,

    /// Internal server error: Failed to update the organization.
    ///
    /// `SVCSTG.SWR.5001062` · HTTP 500
    ///
    /// Reads the same as [`SwrCode::OrganizationUpdateFailed`] (`SVCSTG.SWR.5000075`); this one
    /// follows [`SwrCode::RegistryOrganizationNotFound`] at the end of the docker push/pull block.
    #[swr(code = "SVCSTG.SWR.5001062", status = 500)]
    #[swr(retry = "server_error")]
    RegistryOrganizationUpdateFailed,

    /// Internal server error: Failed to delete the image layer.
    ///
    /// `SVCSTG.SWR.5001063` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001063", status = 500)]
    #[swr(retry = "server_error")]
    ImageLayerDeleteFailed,

    /// Cross-account error. Insufficient permissions.
    ///
    /// `SVCSTG.SWR.4011064` · HTTP 401
    #[swr(code = "SVCSTG.SWR.4011064", status = 401)]
    CrossAccountAccessDenied,

    /// Invalid organization permissions.
    ///
    /// `SVCSTG.SWR.4001065` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001065", status = 400)]
    InvalidOrganizationPermissions,

    /// Invalid permissions.
    ///
    /// `SVCSTG.SWR.4001066` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001066", status = 400)]
    InvalidPermissions,

    /// Invalid username.
    ///
    /// `SVCSTG.SWR.4001067` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4001067", status = 400)]
    InvalidUsername,

    /// Failed to obtain the service token.
    ///
    /// `SVCSTG.SWR.5001076` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5001076", status = 500)]
    #[swr(retry = "server_error")]
    ServiceTokenFetchFailed,

    /// Authentication error: No user token or user AK/SK information found.
    ///
    /// `SVCSTG.S2I.4019000` · HTTP 401
    ///
    /// Note the `SVCSTG.S2I` prefix: this code belongs to another service (S2I), yet it is
    /// published in the SWR table, so it is catalogued here as published.
    #[swr(code = "SVCSTG.S2I.4019000", status = 401)]
    MissingUserCredentials,

    /// You cannot apply for or operate the resources that do not belong to you.
    ///
    /// `SVCSTG.SWR.4039001` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4039001", status = 403)]
    ResourceNotOwned,

    /// You do not have the permission to perform this operation.
    ///
    /// `SVCSTG.SWR.4039002` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4039002", status = 403)]
    OperationNotPermitted,

    /// Invalid organization.
    ///
    /// `SVCSTG.SWR.4009010` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009010", status = 400)]
    InvalidOrganization,

    /// Invalid image name.
    ///
    /// `SVCSTG.SWR.4009011` · HTTP 400
    ///
    /// Reads the same as [`SwrCode::InvalidImageName`] (`SVCSTG.SWR.4001029`); this one belongs to
    /// the `40090xx` build-task block (code source, source repository, branch, commit ID).
    #[swr(code = "SVCSTG.SWR.4009011", status = 400)]
    InvalidBuildImageName,

    /// Invalid code source type.
    ///
    /// `SVCSTG.SWR.4009012` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009012", status = 400)]
    InvalidCodeSourceType,

    /// Invalid ID.
    ///
    /// `SVCSTG.SWR.4009013` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009013", status = 400)]
    InvalidId,

    /// Invalid filtering criteria.
    ///
    /// `SVCSTG.SWR.4009014` · HTTP 400
    ///
    /// Reads the same as [`SwrCode::InvalidFilterCriteria`] (`SVCSTG.SWR.4001035`); this one
    /// belongs to the `40090xx` build-task block (code source, source repository, branch, commit
    /// ID).
    #[swr(code = "SVCSTG.SWR.4009014", status = 400)]
    InvalidBuildFilterCriteria,

    /// Failed to parse the build task.
    ///
    /// `SVCSTG.SWR.4009015` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009015", status = 400)]
    BuildTaskParseFailed,

    /// Invalid file path.
    ///
    /// `SVCSTG.SWR.4009016` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009016", status = 400)]
    InvalidFilePath,

    /// Invalid source code owner.
    ///
    /// `SVCSTG.SWR.4009017` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009017", status = 400)]
    InvalidSourceCodeOwner,

    /// Invalid source code repository.
    ///
    /// `SVCSTG.SWR.4009018` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009018", status = 400)]
    InvalidSourceCodeRepository,

    /// Invalid source code repository ID.
    ///
    /// `SVCSTG.SWR.4009019` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009019", status = 400)]
    InvalidSourceCodeRepositoryId,

    /// Invalid source code branch.
    ///
    /// `SVCSTG.SWR.4009020` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009020", status = 400)]
    InvalidSourceCodeBranch,

    /// Invalid image label.
    ///
    /// `SVCSTG.SWR.4009021` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009021", status = 400)]
    InvalidImageLabel,

    /// Invalid source code username.
    ///
    /// `SVCSTG.SWR.4009022` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009022", status = 400)]
    InvalidSourceCodeUsername,

    /// Invalid commit ID.
    ///
    /// `SVCSTG.SWR.4009023` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4009023", status = 400)]
    InvalidCommitId,

    /// Failed to execute the build task.
    ///
    /// `SVCSTG.SWR.4006030` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4006030", status = 400)]
    BuildTaskExecutionFailed,

    /// The build record already exists.
    ///
    /// `SVCSTG.SWR.4006031` · HTTP 400
    #[swr(code = "SVCSTG.SWR.4006031", status = 400)]
    BuildRecordExists,

    /// The build record does not exist.
    ///
    /// `SVCSTG.SWR.4046032` · HTTP 404
    #[swr(code = "SVCSTG.SWR.4046032", status = 404)]
    BuildRecordNotFound,

    /// Failed to obtain the build record from the database.
    ///
    /// `SVCSTG.SWR.5006033` · HTTP 500
    #[swr(code = "SVCSTG.SWR.5006033", status = 500)]
    #[swr(retry = "server_error")]
    BuildRecordFetchFailed,

    /// You do not have the permission to edit or manage any organization. Please first create an organization or obtain the edit/management permission of the organization.
    ///
    /// `SVCSTG.SWR.4037017` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4037017", status = 403)]
    NoManageableOrganization,

    /// You do not have the permission to edit or manage any image in the image repository. Please first create an image or obtain an editable/manageable image.
    ///
    /// `SVCSTG.SWR.4037018` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4037018", status = 403)]
    NoManageableImage,

    /// Failed to create the image. The maximum number of images have been reached.
    ///
    /// `SVCSTG.SWR.5007019` · HTTP 500
    ///
    /// Not marked retryable despite the 500 status: the image limit has been reached, so images
    /// must be removed or the quota raised first. Compare [`SwrCode::ImageQuotaExceeded`]
    /// (`SVCSTG.SWR.4000098`).
    #[swr(code = "SVCSTG.SWR.5007019", status = 500)]
    ImageCreateLimitReached,

    /// You do not have the permission to operate the image repository resource. Please improve your organization permissions.
    ///
    /// `SVCSTG.SWR.4037020` · HTTP 403
    #[swr(code = "SVCSTG.SWR.4037020", status = 403)]
    InsufficientOrganizationPermissions,

    /// The organization cannot be deleted because there are images in it.
    ///
    /// `SVCSTG.SWR.4060074` · HTTP 406
    ///
    /// Added after the seed's table: the current published table lists it.
    #[swr(code = "SVCSTG.SWR.4060074", status = 406)]
    OrganizationNotEmpty,

    /// The permission parameter is incorrect.
    ///
    /// `SVCSTG.SWR.4001091` · HTTP 400
    ///
    /// Added after the seed's table: the current published table lists it.
    #[swr(code = "SVCSTG.SWR.4001091", status = 400)]
    InvalidPermissionParameter,
}
