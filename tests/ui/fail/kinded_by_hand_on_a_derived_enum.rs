//! A derived enum's kind comes from the derive (`#[swr(kind)]`, or `kind = "Self"` for a fieldless
//! enum that is its own kind): a `Kinded` written by hand as well conflicts with it.

use swr_errors::{Kinded, SwrError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, SwrError)]
enum ChartCode {
    /// The chart does not exist.
    #[swr(code = "SVCSTG.CHART.4040001", status = 404)]
    ChartMissing,
}

impl Kinded for ChartCode {
    type Kind = Self;
    fn kind(&self) -> Self {
        *self
    }
}

fn main() {}
