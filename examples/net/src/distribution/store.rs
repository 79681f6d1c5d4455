//! The registry's content, in memory: per repository its blobs, manifests and tags, and the
//! uploads in progress. Each operation answers as the reference registry does, with an
//! [`ApiError`] on failure.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use axum::body::Bytes;
use serde_json::Value;
use sha2::{Digest, Sha256};
use swr_errors::oci::OciCode;

use super::error::ApiError;
use super::paths::is_sha256;

/// The `sha256:` digest of `content`.
pub fn digest_of(content: &[u8]) -> String {
    let hash = Sha256::digest(content);
    let mut out = String::with_capacity(71);
    out.push_str("sha256:");
    for byte in hash {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// A stored manifest: its bytes, as pushed, and its media type.
#[derive(Clone, Debug)]
pub struct Manifest {
    /// Its `mediaType`, or the `Content-Type` it was pushed with.
    pub media_type: String,
    /// Its bytes, as pushed: its digest is theirs.
    pub body: Bytes,
}

#[derive(Default)]
struct Repository {
    blobs: BTreeSet<String>,
    manifests: BTreeMap<String, Manifest>,
    tags: BTreeMap<String, String>,
}

struct Upload {
    name: String,
    data: Vec<u8>,
}

/// Everything the registry holds.
#[derive(Default)]
pub struct Store {
    /// Blob contents by digest, shared by the repositories that link them.
    blobs: HashMap<String, Bytes>,
    repositories: BTreeMap<String, Repository>,
    uploads: HashMap<String, Upload>,
    next_upload: u64,
}

/// The media types of a manifest the registry accepts, by the `mediaType` it declares (or the
/// request's `Content-Type` when it declares none).
const IMAGE_MANIFESTS: [&str; 2] = [
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
];
/// The OCI media types a client must name in its `Accept` to get a manifest of that type.
pub const OCI_MANIFEST: &str = IMAGE_MANIFESTS[0];
/// See [`OCI_MANIFEST`].
pub const OCI_INDEX: &str = INDEXES[0];
const INDEXES: [&str; 2] = [
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
];

impl Store {
    /// The blob `digest` of `name`.
    pub fn blob(&self, name: &str, digest: &str) -> Result<Bytes, ApiError> {
        if !is_sha256(digest) {
            return Err(ApiError::digest_unparsable());
        }
        self.repositories
            .get(name)
            .filter(|repository| repository.blobs.contains(digest))
            .and_then(|_| self.blobs.get(digest).cloned())
            .ok_or_else(|| ApiError::blob_unknown(digest))
    }

    /// The manifest `reference` (a tag or a digest) of `name`, with its digest.
    pub fn manifest(&self, name: &str, reference: &str) -> Result<(String, Manifest), ApiError> {
        let repository = self.repositories.get(name);
        let digest = match repository {
            Some(_) if reference.contains(':') => Some(reference.to_owned()),
            Some(repository) => repository.tags.get(reference).cloned(),
            None => None,
        };
        repository
            .zip(digest)
            .and_then(|(repository, digest)| {
                let manifest = repository.manifests.get(&digest)?.clone();
                Some((digest, manifest))
            })
            .ok_or_else(|| ApiError::manifest_unknown(name, reference))
    }

    /// The tags of `name`, sorted; the repository is unknown while it has none.
    pub fn tags(&self, name: &str) -> Result<Vec<String>, ApiError> {
        self.repositories
            .get(name)
            .filter(|repository| !repository.tags.is_empty())
            .map(|repository| repository.tags.keys().cloned().collect())
            .ok_or_else(|| ApiError::name_unknown(name))
    }

    /// The repositories that hold a manifest, sorted.
    pub fn catalog(&self) -> Vec<String> {
        self.repositories
            .iter()
            .filter(|(_, repository)| !repository.manifests.is_empty())
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Stores the manifest `body` of `name` under `reference` (a tag, or its own digest), after
    /// checking it as the reference does; its digest.
    pub fn put_manifest(
        &mut self,
        name: &str,
        reference: &str,
        content_type: Option<&str>,
        body: Bytes,
    ) -> Result<String, ApiError> {
        let value: Value = serde_json::from_slice(&body).map_err(|err| {
            ApiError::with(
                OciCode::ManifestInvalid,
                serde_json::json!({"Offset": offset(&body, err.line(), err.column())}),
            )
        })?;
        let declared = value.get("mediaType").and_then(Value::as_str);
        let media_type = declared.or(content_type).unwrap_or_default().to_owned();
        let invalid = || ApiError::with(OciCode::ManifestInvalid, serde_json::json!({}));
        if value.get("schemaVersion").and_then(Value::as_u64) != Some(2) {
            return Err(invalid());
        }
        let has = |digest: &str| {
            self.repositories
                .get(name)
                .is_some_and(|repository| repository.blobs.contains(digest))
        };
        let has_manifest = |digest: &str| {
            self.repositories
                .get(name)
                .is_some_and(|repository| repository.manifests.contains_key(digest))
        };
        let digest_in = |descriptor: &Value| {
            descriptor
                .get("digest")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        if IMAGE_MANIFESTS.contains(&media_type.as_str()) {
            let config = value.get("config").ok_or_else(invalid)?;
            let layers = value.get("layers").and_then(Value::as_array);
            for descriptor in std::iter::once(config).chain(layers.into_iter().flatten()) {
                let digest = digest_in(descriptor);
                if !has(&digest) {
                    return Err(ApiError::manifest_blob_unknown(&digest));
                }
            }
        } else if INDEXES.contains(&media_type.as_str()) {
            let manifests = value.get("manifests").and_then(Value::as_array);
            for descriptor in manifests.into_iter().flatten() {
                let digest = digest_in(descriptor);
                if !has_manifest(&digest) {
                    return Err(ApiError::manifest_blob_unknown(&digest));
                }
            }
        } else {
            return Err(invalid());
        }
        let digest = digest_of(&body);
        if reference.contains(':') && reference != digest {
            return Err(ApiError::with(
                OciCode::DigestInvalid,
                serde_json::json!(reference),
            ));
        }
        let repository = self.repositories.entry(name.to_owned()).or_default();
        repository
            .manifests
            .insert(digest.clone(), Manifest { media_type, body });
        if !reference.contains(':') {
            repository.tags.insert(reference.to_owned(), digest.clone());
        }
        Ok(digest)
    }

    /// A new upload into `name`: its id.
    pub fn start_upload(&mut self, name: &str) -> String {
        self.next_upload += 1;
        let id = format!("upload-{:08}", self.next_upload);
        self.uploads.insert(
            id.clone(),
            Upload {
                name: name.to_owned(),
                data: Vec::new(),
            },
        );
        id
    }

    /// Links the blob `digest` of `from` into `name`, when `from` has it.
    pub fn mount(&mut self, name: &str, digest: &str, from: &str) -> bool {
        let linked = self
            .repositories
            .get(from)
            .is_some_and(|repository| repository.blobs.contains(digest));
        if linked {
            let repository = self.repositories.entry(name.to_owned()).or_default();
            repository.blobs.insert(digest.to_owned());
        }
        linked
    }

    /// The bytes received so far by the upload `id` of `name`.
    pub fn upload_len(&self, name: &str, id: &str) -> Result<usize, ApiError> {
        self.upload(name, id).map(|upload| upload.data.len())
    }

    /// Appends `chunk` to the upload: its new length.
    pub fn append(&mut self, name: &str, id: &str, chunk: &[u8]) -> Result<usize, ApiError> {
        self.upload(name, id)?;
        let upload = self
            .uploads
            .get_mut(id)
            .ok_or_else(ApiError::upload_invalid)?;
        upload.data.extend_from_slice(chunk);
        Ok(upload.data.len())
    }

    /// Finishes the upload with its last `chunk`, checking `digest` (the `?digest=` of the
    /// request) against the content; the blob is then in `name`.
    pub fn finish(
        &mut self,
        name: &str,
        id: &str,
        digest: Option<&str>,
        chunk: &[u8],
    ) -> Result<String, ApiError> {
        self.upload(name, id)?;
        let digest = digest.ok_or_else(|| {
            ApiError::with(OciCode::DigestInvalid, serde_json::json!("digest missing"))
        })?;
        if !is_sha256(digest) {
            return Err(ApiError::with(
                OciCode::DigestInvalid,
                serde_json::json!("digest parsing failed"),
            ));
        }
        let upload = self
            .uploads
            .get_mut(id)
            .ok_or_else(ApiError::upload_invalid)?;
        upload.data.extend_from_slice(chunk);
        if digest_of(&upload.data) != digest {
            return Err(ApiError::with(
                OciCode::DigestInvalid,
                serde_json::json!({"Digest": digest, "Reason": {}}),
            ));
        }
        let upload = self
            .uploads
            .remove(id)
            .ok_or_else(ApiError::upload_invalid)?;
        self.blobs
            .entry(digest.to_owned())
            .or_insert_with(|| Bytes::from(upload.data));
        let repository = self.repositories.entry(name.to_owned()).or_default();
        repository.blobs.insert(digest.to_owned());
        Ok(digest.to_owned())
    }

    /// Cancels the upload.
    pub fn cancel(&mut self, name: &str, id: &str) -> Result<(), ApiError> {
        self.upload(name, id)?;
        self.uploads.remove(id);
        Ok(())
    }

    fn upload(&self, name: &str, id: &str) -> Result<&Upload, ApiError> {
        self.uploads
            .get(id)
            .filter(|upload| upload.name == name)
            .ok_or_else(ApiError::upload_invalid)
    }
}

/// The byte offset Go's JSON decoder reports for an error at `line`:`column` (1-based): the
/// bytes read up to and including the offending one.
fn offset(body: &[u8], line: usize, column: usize) -> usize {
    let line_start: usize = body
        .split(|&b| b == b'\n')
        .take(line.saturating_sub(1))
        .map(|line| line.len() + 1)
        .sum();
    (line_start + column).min(body.len())
}

#[cfg(test)]
mod tests {
    use super::{digest_of, offset};

    #[test]
    fn sha256_digests() {
        assert_eq!(
            digest_of(b"hello"),
            "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
        assert_eq!(
            digest_of(b""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn go_offsets() {
        let err = serde_json::from_slice::<serde_json::Value>(b"{bad").unwrap_err();
        assert_eq!(offset(b"{bad", err.line(), err.column()), 2);
    }
}
