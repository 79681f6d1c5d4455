use swr_errors::SwrError;

#[derive(Debug, SwrError)]
#[swr(kind)]
enum Wrapper<E: SwrError> {
    /// The gateway timed out.
    #[swr(code = "SVCSTG.GATE.5040001", status = 504)]
    Timeout,
    #[swr(transparent)]
    Inner(E),
}

fn main() {}
