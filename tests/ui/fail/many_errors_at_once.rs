use swr_errors::SwrError;

// Every mistake of one enum is reported in one build, from every stage: attribute parsing,
// codes, statuses, messages, fields, duplicates.
#[derive(Debug, SwrError)]
#[swr(crat = "::swr_errors")]
enum RegistryError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.MYSVC.4040001", stauts = 404)]
    ChartMissing,
    /// Malformed code.
    #[swr(code = "SVCSTG.mysvc.4040002", status = 404)]
    Malformed,
    /// Out of range.
    #[swr(code = "SVCSTG.MYSVC.3020003", status = 302)]
    Redirect,
    /// Disagrees.
    #[swr(code = "SVCSTG.MYSVC.4000004", status = 404)]
    Disagrees,
    #[swr(code = "SVCSTG.MYSVC.4000005", status = 400)]
    NoMessage,
    #[swr(code = "SVCSTG.MYSVC.4000006", status = 400, message = "Invalid {tag}")]
    NoField { name: String },
    /// The first.
    #[swr(code = "SVCSTG.MYSVC.4090007", status = 409, retry = "soon")]
    First,
    /// The second.
    #[swr(code = "SVCSTG.MYSVC.4090007", status = 409)]
    Second,
    #[swr(transparent)]
    Wrapped(swr_errors::SwrCode, u8),
}

fn main() {}
