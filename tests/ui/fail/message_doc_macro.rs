use swr_errors::SwrError;

// A doc comment written with a macro is not read: the error says so, at the macro, rather than
// asking for a doc comment the variant has.
#[derive(Debug, SwrError)]
enum RegistryError {
    #[doc = concat!("The chart ", "does not exist.")]
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404)]
    ChartMissing,
}

fn main() {}
