use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4000001", status = 400, message = "Invalid tag {tag")]
    BadTag { tag: String },
}

fn main() {}
