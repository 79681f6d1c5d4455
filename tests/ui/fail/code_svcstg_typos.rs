use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    /// A code of the `service` scheme.
    #[swr(code = "SWR.4040010", status = 404)]
    ServiceShaped,
    /// A name.
    #[swr(code = "MANIFEST_UNKNOWN", status = 404)]
    NameShaped,
    /// Dotted digits of the wrong widths.
    #[swr(code = "SVCSTG.ALS.4031.05", status = 403)]
    DottedWidths,
    /// A lower-case hyphenated service.
    #[swr(code = "SVCSTG.cce-addonmgr.4000003", status = 400)]
    LowerHyphenated,
    /// A space in the service.
    #[swr(code = "SVCSTG.CCE ADDON.4000003", status = 400)]
    Space,
    /// Dotted digits whose status disagrees.
    #[swr(code = "SVCSTG.ALS.403.106", status = 404)]
    DottedStatus,
}

fn main() {}
