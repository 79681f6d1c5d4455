use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum NoErrors {}

fn main() {}
