use swr_errors::{SwrCode, SwrError};

/// A service enum that wraps the stock catalogue.
#[derive(Debug, SwrError)]
enum ChartError {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHART.4040001", status = 404)]
    ChartMissing,
    #[swr(code = "SVCSTG.CHART.4000002", status = 400, message = "Bad chart {0}")]
    BadChart(#[swr(detail)] String),
    #[swr(transparent)]
    Stock(SwrCode),
}

/// Wraps the service enum, and through it the stock catalogue.
#[derive(Debug, SwrError)]
enum GatewayError {
    /// The gateway is throttled.
    #[swr(code = "SVCSTG.GATEWAY.4290001", status = 429, retry = "throttled")]
    Throttled,
    #[swr(transparent)]
    Chart(ChartError),
}

fn stock() -> Result<(), SwrCode> {
    Err(SwrCode::ImageNotFound)
}

fn chart() -> Result<(), ChartError> {
    stock()?;
    Ok(())
}

fn gateway() -> Result<(), GatewayError> {
    chart()?;
    Ok(())
}

fn main() {
    let err = gateway().unwrap_err();
    assert_eq!(err.code(), "SVCSTG.SWR.4040010");
    assert_eq!(err.status(), 404);
    assert_eq!(err.to_string(), SwrCode::ImageNotFound.message());
    assert!(matches!(err, GatewayError::Chart(ChartError::Stock(SwrCode::ImageNotFound))));

    let err = GatewayError::from(ChartError::BadChart("nginx".into()));
    assert_eq!(err.detail().as_deref(), Some("nginx"));
    assert_eq!(err.message(), "Bad chart nginx");

    assert!(matches!(
        GatewayError::from_code("SVCSTG.SWR.4040010"),
        Some(GatewayError::Chart(ChartError::Stock(SwrCode::ImageNotFound)))
    ));
    assert!(matches!(GatewayError::from_code("SVCSTG.CHART.4040001"), Some(GatewayError::Chart(ChartError::ChartMissing))));
    assert!(matches!(GatewayError::from_code("SVCSTG.GATEWAY.4290001"), Some(GatewayError::Throttled)));
    assert!(GatewayError::from_code("SVCSTG.GATEWAY.4040010").is_none());

    // Composition: the catalogue of the outer enum lists every code it can produce.
    use swr_errors::Catalogue;
    assert_eq!(<GatewayError as Catalogue>::CODES.len(), 1 + 2 + SwrCode::ALL.len());
}
