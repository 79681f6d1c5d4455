//! A small SWR-shaped registry, to test SWR clients against: the management API answers with
//! the catalogue's error codes the way Huawei Cloud SWR does (see
//! `swr_errors_net_examples::registry`), the registry API (in memory) with the OCI envelope the
//! way the reference registry does (see `swr_errors_net_examples::distribution`).
//!
//! ```text
//! cargo run -p swr-errors-net-examples --example registry_server -- --addr 127.0.0.1:8080
//! curl -i http://127.0.0.1:8080/v2/manage/namespaces/nope
//! curl -i -H 'Accept: application/problem+json' http://127.0.0.1:8080/v2/manage/namespaces/nope
//! curl -i http://127.0.0.1:8080/v2/acme/app/manifests/latest
//! skopeo copy --dest-tls-verify=false oci:layout:v1 docker://127.0.0.1:8080/acme/app:v1
//! ```
//!
//! It prints the URL it listens on and stops cleanly on Ctrl-C (or SIGTERM).

use std::process::ExitCode;

use swr_errors_net_examples::registry::{Config, Registry};

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1)) {
        Ok(config) => config,
        Err(message) if message.starts_with("usage:") => {
            println!("{message}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("registry_server: {message}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&config.addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("registry_server: cannot listen on {}: {err}", config.addr);
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(err) => {
            eprintln!("registry_server: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "registry_server listening on http://{addr} (default body format: {})",
        config.format
    );
    let app = Registry::new(config.format)
        .sdk_dual(config.sdk_dual)
        .router();
    if let Err(err) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        eprintln!("registry_server: {err}");
        return ExitCode::FAILURE;
    }
    println!("registry_server stopped");
    ExitCode::SUCCESS
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            // Without a Ctrl-C handler, wait for the other signal (or forever).
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
