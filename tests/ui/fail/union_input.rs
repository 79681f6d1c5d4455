use swr_errors::SwrError;

#[derive(SwrError)]
union Raw {
    status: u16,
    code: u32,
}

fn main() {}
