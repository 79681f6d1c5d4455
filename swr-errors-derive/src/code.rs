//! The shape of an SWR error code: `SVCSTG.<SERVICE>.<7 digits>`.

/// What a code's parts are mistakenly separated by, when not by `.`.
const SEPARATORS: [char; 6] = ['-', '_', ':', '/', ' ', ','];

/// A code that has the right shape, split into the parts the generated lookup uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Code {
    /// `SVCSTG.SWR.`: everything before the digits, dot included.
    pub prefix: String,
    /// The seven digits as a number (`4040010`).
    pub number: u32,
}

impl Code {
    /// Splits `text`, or says what is wrong with it: the prefix, the separators, the service's
    /// case or characters, the digits' count or characters.
    pub(crate) fn check(text: &str) -> Result<Code, String> {
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
        let (service, digits) = match parts.as_slice() {
            [service, digits] => (*service, *digits),
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
                    "it has {} parts after `SVCSTG.`, separated by `.`; expected two, the service and the digits",
                    more.len()
                ))
            }
        };
        if service.is_empty() {
            return Err("the service between the dots is empty".to_owned());
        }
        if !service
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return Err(if service.bytes().all(|b| b.is_ascii_alphanumeric()) {
                format!(
                    "the service `{service}` must be upper-case: `{}`",
                    service.to_ascii_uppercase()
                )
            } else {
                format!("the service `{service}` may hold only upper-case letters and digits")
            });
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() {
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
        Ok(Code {
            prefix: text[..text.len() - 7].to_owned(),
            number: digits
                .parse()
                .map_err(|_| "the digits do not parse".to_owned())?,
        })
    }

    /// The HTTP status the code carries in its first three digits (`4040010` carries 404).
    pub(crate) fn status(&self) -> u32 {
        self.number / 10_000
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn splits_well_formed_codes() {
        let code = Code::check("SVCSTG.SWR.4040010").unwrap();
        assert_eq!(code.prefix, "SVCSTG.SWR.");
        assert_eq!(code.number, 4_040_010);
        assert_eq!(code.status(), 404);
        assert_eq!(Code::check("SVCSTG.S2I.4019000").unwrap().status(), 401);
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in [
            "",
            "SVCSTG.SWR.404001",
            "SVCSTG.SWR.40400100",
            "SVCSTG.swr.4040010",
            "SVCSTG..4040010",
            "SVCSTG.SWR.40400a0",
            "SVCSTG.SWR.+404001",
            "XSVCSTG.SWR.4040010",
            "SVCSTG.SWR.4040010 ",
            "SVCSTG.SW.R.4040010",
            "SVCSTG.SWR.４040010",
        ] {
            assert!(Code::check(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn says_what_is_wrong() {
        for (bad, why) in [
            ("SVCSTG.SWR.404001", "`404001` has 6 digits, not 7"),
            ("SVCSTG.SWR.40400100", "has 8 digits"),
            (
                "SVCSTG.swr.4040010",
                "the service `swr` must be upper-case: `SWR`",
            ),
            (
                "svcstg.SWR.4040010",
                "the prefix `svcstg.` must be upper-case",
            ),
            ("SVCSTG-SWR-4040010", "separated by `.`, not `-`"),
            ("SVCSTG.SWR_4040010", "separated by `.`, not `_`"),
            ("SVCSTG.SW.R.4040010", "3 parts"),
            ("SVCSTG..4040010", "the service between the dots is empty"),
            ("SVCSTG.S-R.4040010", "only upper-case letters and digits"),
            ("SVCSTG.SWR.40400a0", "must be 7 ASCII digits"),
            ("APIGW.0101", "does not start with `SVCSTG.`"),
            ("", "does not start with `SVCSTG.`"),
            ("SVCSTG", "does not start with `SVCSTG.`"),
            ("SVCSTGé", "does not start"),
        ] {
            let message = Code::check(bad).unwrap_err();
            assert!(message.contains(why), "{bad:?}: {message}");
        }
    }
}
