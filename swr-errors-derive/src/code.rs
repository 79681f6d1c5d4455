//! The shape of an SWR error code: `SVCSTG.<SERVICE>.<7 digits>`.

/// A code that has the right shape, split into the parts the generated lookup uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Code {
    /// `SVCSTG.SWR.`: everything before the digits, dot included.
    pub prefix: String,
    /// The seven digits as a number (`4040010`).
    pub number: u32,
}

impl Code {
    /// Splits `text`, or `None` when it is not of the form `SVCSTG.<SERVICE>.<7 digits>` with a
    /// SERVICE of upper-case ASCII letters and digits.
    pub(crate) fn parse(text: &str) -> Option<Code> {
        let rest = text.strip_prefix("SVCSTG.")?;
        let (service, digits) = rest.split_once('.')?;
        let service_ok = !service.is_empty()
            && service
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        let digits_ok = digits.len() == 7 && digits.bytes().all(|b| b.is_ascii_digit());
        if !(service_ok && digits_ok) {
            return None;
        }
        Some(Code {
            prefix: text[..text.len() - 7].to_owned(),
            number: digits.parse().ok()?,
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
        let code = Code::parse("SVCSTG.SWR.4040010").unwrap();
        assert_eq!(code.prefix, "SVCSTG.SWR.");
        assert_eq!(code.number, 4_040_010);
        assert_eq!(code.status(), 404);
        assert_eq!(Code::parse("SVCSTG.S2I.4019000").unwrap().status(), 401);
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
            assert_eq!(Code::parse(bad), None, "{bad:?}");
        }
    }
}
