use swr_errors::SwrError;

#[derive(Debug, SwrError)]
struct ChartMissing {
    name: String,
}

fn main() {}
