//! The registry API's routes as the reference registry (distribution 2.8) matches them: which
//! endpoint a path under `/v2/` names, with the grammar of repository names, tags, digests and
//! upload ids. A path that matches no route is the reference's plain-text 404.

/// An endpoint of the registry API, with what its path names: `name` is the repository's.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    /// `/v2/`: the API's base.
    Base,
    /// `/v2/_catalog`.
    Catalog,
    /// `/v2/<name>/tags/list`.
    Tags { name: &'a str },
    /// `/v2/<name>/manifests/<reference>`: a tag or a digest.
    Manifest { name: &'a str, reference: &'a str },
    /// `/v2/<name>/blobs/<digest>`: the digest as given (it may still fail to parse).
    Blob { name: &'a str, digest: &'a str },
    /// `/v2/<name>/blobs/uploads/`: starting an upload.
    Uploads { name: &'a str },
    /// `/v2/<name>/blobs/uploads/<id>`.
    Upload { name: &'a str, id: &'a str },
}

impl Route<'_> {
    /// The methods the route answers, as the reference's `Allow` header lists them; `None` for
    /// a route that takes any method.
    pub fn allow(&self) -> Option<&'static str> {
        match self {
            Route::Base | Route::Uploads { .. } | Route::Upload { .. } => None,
            Route::Catalog | Route::Tags { .. } => Some("GET"),
            Route::Manifest { .. } => Some("DELETE, GET, HEAD, PUT"),
            Route::Blob { .. } => Some("DELETE, GET, HEAD"),
        }
    }
}

/// The route of `path` (the request's path, from `/v2/` on), or `None`.
///
/// ```
/// use swr_errors_net_examples::distribution::paths::{route, Route};
///
/// assert_eq!(route("/v2/"), Some(Route::Base));
/// assert_eq!(
///     route("/v2/acme/app/manifests/latest"),
///     Some(Route::Manifest { name: "acme/app", reference: "latest" })
/// );
/// assert_eq!(route("/v2/Acme/manifests/latest"), None);
/// ```
pub fn route(path: &str) -> Option<Route<'_>> {
    let rest = path.strip_prefix("/v2/")?;
    if rest.is_empty() {
        return Some(Route::Base);
    }
    if rest == "_catalog" {
        return Some(Route::Catalog);
    }
    if let Some(name) = rest.strip_suffix("/tags/list") {
        return is_name(name).then_some(Route::Tags { name });
    }
    if let Some((name, reference)) = rest.rsplit_once("/manifests/") {
        let known = is_tag(reference) || is_strict_digest(reference);
        return (is_name(name) && known).then_some(Route::Manifest { name, reference });
    }
    if let Some((name, id)) = rest.rsplit_once("/blobs/uploads/") {
        if !is_name(name) {
            return None;
        }
        if id.is_empty() {
            return Some(Route::Uploads { name });
        }
        let id_chars = |b: u8| b.is_ascii_alphanumeric() || b"-_.=".contains(&b);
        return id
            .bytes()
            .all(id_chars)
            .then_some(Route::Upload { name, id });
    }
    if let Some((name, digest)) = rest.rsplit_once("/blobs/") {
        return (is_name(name) && is_loose_digest(digest)).then_some(Route::Blob { name, digest });
    }
    None
}

/// A repository name: components of `[a-z0-9]+` joined by `.`, `_`, `__` or any run of `-`,
/// separated by `/`, 255 characters at most (the reference's `NameRegexp` without a domain).
pub fn is_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 255 && name.split('/').all(is_component)
}

fn is_component(component: &str) -> bool {
    let bytes = component.as_bytes();
    let alnum = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !alnum(first) || !alnum(last) {
        return false;
    }
    // Between two alphanumeric runs: one `.`, one `_`, `__`, or any number of `-`.
    let mut i = 0;
    while i < bytes.len() {
        if alnum(&bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !alnum(&bytes[i]) {
            i += 1;
        }
        let separator = &component[start..i];
        let dashes = separator.bytes().all(|b| b == b'-');
        if !(matches!(separator, "." | "_" | "__") || dashes) {
            return false;
        }
    }
    true
}

/// A tag: a word character, then up to 127 word characters, `.` or `-`.
pub fn is_tag(tag: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let bytes = tag.as_bytes();
    match bytes.split_first() {
        Some((first, rest)) => {
            word(*first) && rest.len() <= 127 && rest.iter().all(|&b| word(b) || b"-.".contains(&b))
        }
        None => false,
    }
}

/// A digest as the manifest route takes it: an algorithm of letters and digits (components
/// joined by `-`, `_`, `+` or `.`), `:`, then at least 32 hex digits.
fn is_strict_digest(digest: &str) -> bool {
    let Some((algorithm, hex)) = digest.split_once(':') else {
        return false;
    };
    let starts_alpha = |part: &str| part.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    hex.len() >= 32
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
        && algorithm
            .split(['-', '_', '+', '.'])
            .all(|part| starts_alpha(part) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A digest as the blob route takes it (the looser grammar of the go-digest package): an
/// algorithm of `[a-z0-9]` components joined by `.`, `+`, `_` or `-`, `:`, then at least one of
/// `[a-zA-Z0-9=_-]`. Whether it parses is the handler's question.
fn is_loose_digest(digest: &str) -> bool {
    let Some((algorithm, encoded)) = digest.split_once(':') else {
        return false;
    };
    let lower = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    !encoded.is_empty()
        && encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=_-".contains(&b))
        && algorithm.split(['.', '+', '_', '-']).all(lower)
}

/// A `sha256:` digest the registry can check: 64 lower-case hex digits.
pub fn is_sha256(digest: &str) -> bool {
    digest.strip_prefix("sha256:").is_some_and(|hex| {
        hex.len() == 64
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

#[cfg(test)]
mod tests {
    use super::{is_name, is_sha256, is_tag, route, Route};

    const ZERO: &str = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    #[test]
    fn names_follow_the_reference_grammar() {
        for good in [
            "a",
            "acme/app",
            "a.b/c_d/e__f",
            "a--b",
            "library/nginx",
            "0/1",
        ] {
            assert!(is_name(good), "{good}");
        }
        for bad in [
            "", "A", "acme/", "/acme", "a//b", "a..b", "a___b", "-a", "a-", "a_.b",
        ] {
            assert!(!is_name(bad), "{bad}");
        }
        assert!(!is_name(&"a".repeat(256)));
    }

    #[test]
    fn tags_and_digests() {
        assert!(is_tag("latest") && is_tag("bad..tag") && is_tag("_x"));
        assert!(!is_tag("-bad") && !is_tag("") && !is_tag(&"a".repeat(129)));
        assert!(is_sha256(ZERO));
        assert!(!is_sha256("sha256:abc") && !is_sha256(&ZERO.to_uppercase()));
    }

    #[test]
    fn routes() {
        assert_eq!(route("/v2/_catalog"), Some(Route::Catalog));
        assert_eq!(
            route("/v2/a/b/tags/list"),
            Some(Route::Tags { name: "a/b" })
        );
        let manifest = format!("/v2/a/manifests/{ZERO}");
        assert_eq!(
            route(&manifest),
            Some(Route::Manifest {
                name: "a",
                reference: ZERO
            })
        );
        assert_eq!(route("/v2/a/manifests/-bad"), None);
        assert_eq!(
            route("/v2/a/blobs/sha256:abc"),
            Some(Route::Blob {
                name: "a",
                digest: "sha256:abc"
            })
        );
        assert_eq!(route("/v2/a/blobs/notadigest"), None);
        assert_eq!(
            route("/v2/a/blobs/uploads/"),
            Some(Route::Uploads { name: "a" })
        );
        assert_eq!(
            route("/v2/a/blobs/uploads/x-1"),
            Some(Route::Upload {
                name: "a",
                id: "x-1"
            })
        );
        assert_eq!(route("/v2/a/blobs/uploads/x/y"), None);
        for none in [
            "/v2",
            "/v3/a/tags/list",
            "/v2/A/tags/list",
            "/v2/a",
            "/v2/a/tags",
        ] {
            assert_eq!(route(none), None, "{none}");
        }
    }
}
