use swr_errors::SwrError;

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4000001", status = 400, message = "Ratio {ratio:.} is too high")]
    BadRatio { ratio: f64 },
}

fn main() {}
