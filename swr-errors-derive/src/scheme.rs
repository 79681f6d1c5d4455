//! The shapes of error codes an enum may declare with `#[swr(codes = "...")]`: one grammar a
//! scheme, each a function that splits a code or says what is wrong with it.
//!
//! Every grammar admits ASCII letters, digits, `.`, `-` and `_` only, none of which JSON
//! escapes: that is what lets the body writers copy a code verbatim (`write_plain_body`, the
//! formats' writers) with no scan at run time.

/// What a code's parts are mistakenly separated by, when not by `.`.
const SEPARATORS: [char; 6] = ['-', '_', ':', '/', ' ', ','];

/// The schemes, by the name `codes = "..."` gives them; the first is the default.
pub(crate) const NAMES: [(&str, Scheme); 3] = [
    ("svcstg", Scheme::Svcstg),
    ("service", Scheme::Service),
    ("name", Scheme::Name),
];

/// The shape of an enum's codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// `SVCSTG.<SERVICE>.<7 digits>` or `SVCSTG.<SERVICE>.<NNN>.<NNN>`; the first three digits
    /// are the status.
    Svcstg,
    /// `<SERVICE>.<digits>[.<digits>...]`, as Huawei Cloud's other services write them.
    Service,
    /// A symbolic name: `MANIFEST_UNKNOWN`, `NoSuchKey`.
    Name,
}

/// A code that has its scheme's shape: what the checks and the lookup need of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Code {
    /// The status the code carries in its first three digits (`svcstg` only).
    pub status: Option<u32>,
    /// An `svcstg` code of seven digits, split before them (`SVCSTG.SWR.` and `4040010`): the key
    /// of the numeric lookup, exactly as the runtime's `split_code` splits it, which pays off for
    /// the few long prefixes of this scheme. `None` for other codes, which the lookup finds by
    /// their whole text.
    pub split: Option<(String, u32)>,
}

impl Scheme {
    /// The scheme named `name`, or the error at the value, listing the three.
    pub(crate) fn from_name(name: &str) -> Result<Scheme, String> {
        if let Some((_, scheme)) = NAMES.iter().find(|(known, _)| *known == name) {
            return Ok(*scheme);
        }
        let listed: Vec<String> = NAMES.iter().map(|(name, _)| format!("`{name}`")).collect();
        let close = NAMES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name.trim()))
            .map(|(known, _)| format!(" (did you mean `{known}`?)"))
            .unwrap_or_default();
        Err(format!(
            "unknown code scheme `{}`{close}; `codes` is one of {} (`SVCSTG.SWR.4040010` is an \
             `svcstg` code, the default; `APIGW.0101` a `service` code; `MANIFEST_UNKNOWN` a `name`)",
            name.escape_debug(),
            listed.join(", ")
        ))
    }

    /// The name `codes = "..."` gives the scheme.
    pub(crate) fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, scheme)| *scheme == self)
            .map_or("svcstg", |(name, _)| name)
    }

    /// A code of the scheme, for messages.
    pub(crate) fn example(self) -> &'static str {
        match self {
            Scheme::Svcstg => "SVCSTG.MYSVC.4040001",
            Scheme::Service => "MYSVC.0001",
            Scheme::Name => "NOT_FOUND",
        }
    }

    /// Checks `text` against the scheme: the code, or the whole error message, which says what
    /// is wrong and, when the code has another scheme's shape, which `codes` it needs.
    pub(crate) fn check(self, text: &str) -> Result<Code, String> {
        let checked = match self {
            Scheme::Svcstg => svcstg(text),
            Scheme::Service => service(text),
            Scheme::Name => name(text),
        };
        checked.map_err(|why| {
            let shape = match self {
                Scheme::Svcstg => format!(
                    "`{}` is not an SWR error code: {why}. A code is `SVCSTG.<SERVICE>.<7 digits>` \
                     (or `<3 digits>.<3 digits>`) with an upper-case SERVICE, such as \
                     `SVCSTG.SWR.4040010`",
                    text.escape_debug()
                ),
                Scheme::Service => format!(
                    "`{}` is not a `service` code: {why}. A `service` code is \
                     `<SERVICE>.<digits>`, SERVICE of ASCII letters, digits and `_`, then one or \
                     more groups of digits separated by `.`, such as `APIGW.0101` or `CCI.02.409101`",
                    text.escape_debug()
                ),
                Scheme::Name => format!(
                    "`{}` is not a `name` code: {why}. A `name` code is ASCII letters, digits \
                     and `_`, starting with a letter, such as `MANIFEST_UNKNOWN` or `NoSuchKey`",
                    text.escape_debug()
                ),
            };
            match self.other_fit(text) {
                Some(other) => format!("{shape}. It has the shape of a `{}` code: {}", other.name(), other.declare()),
                None => shape,
            }
        })
    }

    /// Another scheme whose grammar `text` fits, for the hint; none for a code that starts with
    /// `SVCSTG` in any case, which is a mistyped `svcstg` code whatever else it fits.
    fn other_fit(self, text: &str) -> Option<Scheme> {
        let svcstg_like = text
            .get(..6)
            .is_some_and(|head| head.eq_ignore_ascii_case("SVCSTG"));
        NAMES
            .iter()
            .map(|(_, scheme)| *scheme)
            .filter(|scheme| *scheme != self)
            .filter(|scheme| *scheme == Scheme::Svcstg || !svcstg_like)
            .find(|scheme| match scheme {
                Scheme::Svcstg => svcstg(text).is_ok(),
                Scheme::Service => service(text).is_ok(),
                Scheme::Name => name(text).is_ok(),
            })
    }

    /// How an enum declares the scheme.
    fn declare(self) -> String {
        match self {
            Scheme::Svcstg => {
                "the default, so remove `codes` from the enum's #[swr(...)] (or write `codes = \"svcstg\"`)"
                    .to_owned()
            }
            other => format!("declare #[swr(codes = \"{}\")] on the enum", other.name()),
        }
    }
}

/// Splits `text` where its last seven bytes are ASCII digits, as the runtime's `split_code` does.
fn split_seven(text: &str) -> Option<(String, u32)> {
    let at = text.len().checked_sub(7)?;
    let digits = text.get(at..)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((text[..at].to_owned(), digits.parse().ok()?))
}

/// `svcstg`: `SVCSTG.<SERVICE>.<7 digits>` or `SVCSTG.<SERVICE>.<3 digits>.<3 digits>`, SERVICE
/// of upper-case letters, digits, `-` and `_`. Says what is wrong: the prefix, the separators,
/// the service's case or characters, the digits' count or characters.
fn svcstg(text: &str) -> Result<Code, String> {
    let Some(rest) = text.strip_prefix("SVCSTG.") else {
        let head = text.get(..7).unwrap_or(text);
        return Err(if head.eq_ignore_ascii_case("SVCSTG.") {
            format!("the prefix `{head}` must be upper-case: `SVCSTG.`")
        } else if let Some(separator) = text
            .get(..6)
            .filter(|six| six.eq_ignore_ascii_case("SVCSTG"))
            .and_then(|_| text[6..].chars().next())
            .filter(|next| SEPARATORS.contains(next))
        {
            format!("the parts are separated by `.`, not `{separator}`")
        } else {
            "it does not start with `SVCSTG.`".to_owned()
        });
    };
    let parts: Vec<&str> = rest.split('.').collect();
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let (service, digits) = match parts.as_slice() {
        [service, digits] => (*service, vec![*digits]),
        [service, status, own] if all_digits(status) && all_digits(own) => {
            (*service, vec![*status, *own])
        }
        [whole] => {
            return Err(match whole.find(SEPARATORS) {
                Some(at) => format!(
                    "the parts are separated by `.`, not `{}`",
                    &whole[at..at + 1]
                ),
                None => "it has no `.` between the service and the digits".to_owned(),
            })
        }
        more => {
            return Err(format!(
                "it has {} parts after `SVCSTG.`, separated by `.`; expected the service and \
                 7 digits (`SWR.4040010`), or the service and two groups of 3 (`ALS.403.105`)",
                more.len()
            ))
        }
    };
    if service.is_empty() {
        return Err("the service between the dots is empty".to_owned());
    }
    let service_byte = |b: u8| b.is_ascii_digit() || b == b'-' || b == b'_';
    if !service
        .bytes()
        .all(|b| b.is_ascii_uppercase() || service_byte(b))
    {
        return Err(
            if service
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || service_byte(b))
            {
                format!(
                    "the service `{service}` must be upper-case: `{}`",
                    service.to_ascii_uppercase()
                )
            } else {
                format!(
                    "the service `{service}` may hold only upper-case letters, digits, `-` and `_`"
                )
            },
        );
    }
    match digits.as_slice() {
        [status, own] => {
            if status.len() != 3 || own.len() != 3 {
                return Err(format!(
                    "`{status}.{own}` must be two groups of 3 digits, the status's and your own \
                     (`403.105`)"
                ));
            }
            Ok(Code {
                status: status.parse().ok(),
                split: None,
            })
        }
        [digits] => {
            if !all_digits(digits) {
                return Err(format!(
                    "`{digits}` after the service must be 7 ASCII digits (`0` to `9`)"
                ));
            }
            if digits.len() != 7 {
                return Err(format!(
                    "`{digits}` has {} digits, not 7 (the status's three, then four of your own)",
                    digits.len()
                ));
            }
            let split = split_seven(text);
            Ok(Code {
                status: split.as_ref().map(|(_, number)| number / 10_000),
                split,
            })
        }
        _ => Err("the digits are missing".to_owned()),
    }
}

/// `service`: `<SERVICE>.<digits>`, SERVICE of ASCII letters (either case), digits and `_`, then
/// one or more groups of ASCII digits separated by `.`. No status is implied.
fn service(text: &str) -> Result<Code, String> {
    let Some((service, groups)) = text.split_once('.') else {
        return Err(match text.find(SEPARATORS) {
            Some(at) if at > 0 => format!(
                "the service and the digits are separated by `.`, not `{}`",
                &text[at..at + 1]
            ),
            _ => "it has no `.` between the service and the digits".to_owned(),
        });
    };
    if service.is_empty() {
        return Err("the service before the first `.` is empty".to_owned());
    }
    if let Some(bad) = service
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
    {
        return Err(format!(
            "the service `{service}` holds `{}`; it may hold only ASCII letters, digits and `_`",
            bad.escape_debug()
        ));
    }
    for group in groups.split('.') {
        if group.is_empty() {
            return Err("a group of digits between the dots is empty".to_owned());
        }
        if !group.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "`{}` after the service must be ASCII digits (`0` to `9`)",
                group.escape_debug()
            ));
        }
    }
    Ok(Code {
        status: None,
        split: None,
    })
}

/// `name`: ASCII letters, digits and `_`, starting with a letter.
fn name(text: &str) -> Result<Code, String> {
    let Some(first) = text.chars().next() else {
        return Err("it is empty".to_owned());
    };
    if !first.is_ascii_alphabetic() {
        return Err(format!(
            "it starts with `{}`, not an ASCII letter",
            first.escape_debug()
        ));
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
    {
        return Err(format!(
            "it holds `{}`; a name may hold only ASCII letters, digits and `_`",
            bad.escape_debug()
        ));
    }
    Ok(Code {
        status: None,
        split: None,
    })
}

#[cfg(test)]
mod tests {
    use super::{Scheme, NAMES};

    /// Every code of the table of real codes, under the scheme it belongs to.
    const ACCEPTED: &[(Scheme, &str)] = &[
        (Scheme::Svcstg, "SVCSTG.SWR.4040010"),
        (Scheme::Svcstg, "SVCSTG.S2I.4019000"),
        (Scheme::Svcstg, "SVCSTG.CCE-ADDONMGR.4000003"),
        (Scheme::Svcstg, "SVCSTG.ALS.403.105"),
        (Scheme::Svcstg, "SVCSTG.CCE_CM.4000003"),
        (Scheme::Service, "SWR.400003"),
        (Scheme::Service, "APIGW.0101"),
        (Scheme::Service, "APIG.0301"),
        (Scheme::Service, "IAM.0011"),
        (Scheme::Service, "Ecs.0001"),
        (Scheme::Service, "CCE.01400001"),
        (Scheme::Service, "CCE_CM.0004"),
        (Scheme::Service, "CCI.02.409101"),
        (Scheme::Name, "MANIFEST_UNKNOWN"),
        (Scheme::Name, "TOOMANYREQUESTS"),
        (Scheme::Name, "NoSuchKey"),
    ];

    #[test]
    fn accepts_every_real_code_under_its_scheme() {
        for (scheme, code) in ACCEPTED {
            assert!(scheme.check(code).is_ok(), "{scheme:?} {code}");
        }
    }

    /// Whatever the scheme, an accepted code holds nothing JSON escapes (the body writers copy
    /// codes verbatim).
    #[test]
    fn accepted_codes_need_no_json_escaping() {
        let alphabet: Vec<char> = (0u8..=0x7f).map(char::from).chain(['é', '４']).collect();
        for (_, scheme) in NAMES {
            for base in [
                "SVCSTG.SWR.4040010",
                "SWR.0101",
                "NAME",
                "SVCSTG.ALS.403.105",
            ] {
                for at in 0..=base.len() {
                    for c in &alphabet {
                        let mut code = base.to_owned();
                        code.insert(at, *c);
                        if scheme.check(&code).is_ok() {
                            assert!(
                                code.bytes().all(|b| b.is_ascii_alphanumeric()
                                    || matches!(b, b'.' | b'-' | b'_')),
                                "{scheme:?} accepted {code:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn splits_and_reads_the_status() {
        let code = Scheme::Svcstg.check("SVCSTG.SWR.4040010").unwrap();
        assert_eq!(code.split, Some(("SVCSTG.SWR.".to_owned(), 4_040_010)));
        assert_eq!(code.status, Some(404));
        let dotted = Scheme::Svcstg.check("SVCSTG.ALS.403.105").unwrap();
        assert_eq!((dotted.status, dotted.split), (Some(403), None));
        let long = Scheme::Service.check("CCE.01400001").unwrap();
        assert_eq!((long.status, long.split), (None, None));
        assert_eq!(Scheme::Service.check("IAM.0011").unwrap().split, None);
    }

    #[test]
    fn rejects_malformed_codes() {
        for (scheme, bad) in [
            (Scheme::Svcstg, ""),
            (Scheme::Svcstg, "SVCSTG.SWR.404001"),
            (Scheme::Svcstg, "SVCSTG.SWR.40400100"),
            (Scheme::Svcstg, "SVCSTG.swr.4040010"),
            (Scheme::Svcstg, "SVCSTG..4040010"),
            (Scheme::Svcstg, "SVCSTG.SWR.40400a0"),
            (Scheme::Svcstg, "SVCSTG.SWR.+404001"),
            (Scheme::Svcstg, "XSVCSTG.SWR.4040010"),
            (Scheme::Svcstg, "SVCSTG.SWR.4040010 "),
            (Scheme::Svcstg, "SVCSTG.SW.R.4040010"),
            (Scheme::Svcstg, "SVCSTG.SWR.４040010"),
            (Scheme::Svcstg, "SVCSTG.ALS.40.3105"),
            (Scheme::Svcstg, "SVCSTG.ALS.403.105.1"),
            (Scheme::Svcstg, "SVCSTG.S R.4040010"),
            (Scheme::Service, ""),
            (Scheme::Service, "APIGW"),
            (Scheme::Service, ".0101"),
            (Scheme::Service, "APIGW."),
            (Scheme::Service, "APIGW..0101"),
            (Scheme::Service, "APIGW.0101."),
            (Scheme::Service, "API-GW.0101"),
            (Scheme::Service, "APIGW.01a1"),
            (Scheme::Service, "APIGW.0101 "),
            (Scheme::Service, "APIGW.０101"),
            (Scheme::Name, ""),
            (Scheme::Name, "_UNKNOWN"),
            (Scheme::Name, "1UNKNOWN"),
            (Scheme::Name, "MANIFEST-UNKNOWN"),
            (Scheme::Name, "MANIFEST UNKNOWN"),
            (Scheme::Name, "NoSuchKéy"),
        ] {
            assert!(scheme.check(bad).is_err(), "{scheme:?} {bad:?}");
        }
    }

    #[test]
    fn says_what_is_wrong() {
        for (scheme, bad, why) in [
            (
                Scheme::Svcstg,
                "SVCSTG.SWR.404001",
                "`404001` has 6 digits, not 7",
            ),
            (Scheme::Svcstg, "SVCSTG.SWR.40400100", "has 8 digits"),
            (
                Scheme::Svcstg,
                "SVCSTG.swr.4040010",
                "the service `swr` must be upper-case: `SWR`",
            ),
            (
                Scheme::Svcstg,
                "SVCSTG.cce-addonmgr.4040010",
                "must be upper-case: `CCE-ADDONMGR`",
            ),
            (
                Scheme::Svcstg,
                "svcstg.SWR.4040010",
                "the prefix `svcstg.` must be upper-case",
            ),
            (
                Scheme::Svcstg,
                "SVCSTG-SWR-4040010",
                "separated by `.`, not `-`",
            ),
            (
                Scheme::Svcstg,
                "SVCSTG.SWR_4040010",
                "separated by `.`, not `_`",
            ),
            (Scheme::Svcstg, "SVCSTG.SW.R.4040010", "3 parts"),
            (
                Scheme::Svcstg,
                "SVCSTG..4040010",
                "the service between the dots is empty",
            ),
            (
                Scheme::Svcstg,
                "SVCSTG.S R.4040010",
                "only upper-case letters, digits",
            ),
            (
                Scheme::Svcstg,
                "SVCSTG.SWR.40400a0",
                "must be 7 ASCII digits",
            ),
            (
                Scheme::Svcstg,
                "SVCSTG.ALS.4031.05",
                "two groups of 3 digits",
            ),
            (
                Scheme::Svcstg,
                "APIGW.0101",
                "does not start with `SVCSTG.`",
            ),
            (Scheme::Svcstg, "", "does not start with `SVCSTG.`"),
            (Scheme::Svcstg, "SVCSTG", "does not start with `SVCSTG.`"),
            (Scheme::Svcstg, "SVCSTGé", "does not start"),
            (Scheme::Service, "APIGW", "no `.`"),
            (Scheme::Service, "APIGW-0101", "separated by `.`, not `-`"),
            (Scheme::Service, "API-GW.0101", "holds `-`"),
            (Scheme::Service, "APIGW..0101", "is empty"),
            (
                Scheme::Service,
                "APIGW.01a1",
                "`01a1` after the service must be ASCII digits",
            ),
            (Scheme::Name, "", "it is empty"),
            (Scheme::Name, "1UNKNOWN", "starts with `1`"),
            (Scheme::Name, "MANIFEST-UNKNOWN", "holds `-`"),
        ] {
            let message = scheme.check(bad).unwrap_err();
            assert!(message.contains(why), "{bad:?}: {message}");
        }
    }

    /// A code of another scheme's shape names the attribute it needs; a mistyped `svcstg` code
    /// gets no such hint.
    #[test]
    fn names_the_scheme_a_code_fits() {
        for (scheme, code, hint) in [
            (
                Scheme::Svcstg,
                "SWR.4040010",
                "declare #[swr(codes = \"service\")]",
            ),
            (
                Scheme::Svcstg,
                "MANIFEST_UNKNOWN",
                "declare #[swr(codes = \"name\")]",
            ),
            (
                Scheme::Service,
                "SVCSTG.SWR.4040010",
                "the default, so remove `codes`",
            ),
            (
                Scheme::Service,
                "NoSuchKey",
                "declare #[swr(codes = \"name\")]",
            ),
            (
                Scheme::Name,
                "APIGW.0101",
                "declare #[swr(codes = \"service\")]",
            ),
        ] {
            let message = scheme.check(code).unwrap_err();
            assert!(message.contains(hint), "{code:?}: {message}");
        }
        for code in ["SVCSTG", "Svcstg_SWR_4040010", "SVCSTG.SWR.404001"] {
            let message = Scheme::Svcstg.check(code).unwrap_err();
            assert!(!message.contains("shape of"), "{code:?}: {message}");
        }
    }

    #[test]
    fn names_the_schemes() {
        for (name, scheme) in NAMES {
            assert_eq!(Scheme::from_name(name), Ok(scheme));
            assert_eq!(scheme.name(), name);
        }
        let message = Scheme::from_name("Service").unwrap_err();
        assert!(message.contains("did you mean `service`"), "{message}");
        let message = Scheme::from_name("svc").unwrap_err();
        assert!(message.contains("`svcstg`, `service`, `name`"), "{message}");
    }
}
