use swr_errors::SwrError;

// A malformed placeholder does not hide the message's other mistakes.
#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4130001", status = 413, message = "Layer {size:q} of {repo} } too large")]
    TooLarge { size: u64 },
}

fn main() {}
