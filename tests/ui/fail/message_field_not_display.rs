use swr_errors::SwrError;

struct Digest([u8; 32]);

#[derive(Debug, SwrError)]
enum RegistryError {
    #[swr(code = "SVCSTG.MYSVC.4040001", status = 404, message = "Layer {digest} not found")]
    LayerMissing { digest: Digest },
}

impl std::fmt::Debug for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sha256:{:02x?}", self.0)
    }
}

fn main() {}
