//! [`Config`], the settings of one app's layer, and [`settings_methods!`], the builder methods
//! that `axum::SwrLayer` and `actix::SwrErrors` both expose over it.

use std::borrow::Cow;

use super::framework::FrameworkErrors;
use crate::format::{BodyFormat, Context, ProblemBody};

/// The settings of one app's layer.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    pub(crate) default_format: BodyFormat,
    /// Dual for the user agents of Huawei Cloud's SDKs.
    pub(crate) sdk_dual: bool,
    pub(crate) problem_type: Cow<'static, str>,
    pub(crate) framework: FrameworkErrors,
    /// The level of a 4xx's log event; 5xx are logged at ERROR.
    #[cfg(feature = "tracing")]
    pub(crate) client_error_level: tracing::Level,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            default_format: BodyFormat::Legacy,
            sdk_dual: true,
            problem_type: Cow::Borrowed(ProblemBody::DEFAULT_TYPE_BASE),
            framework: FrameworkErrors::new(),
            #[cfg(feature = "tracing")]
            client_error_level: tracing::Level::INFO,
        }
    }
}

impl Config {
    /// The context of a body written for a request with this id.
    pub(crate) fn context<'a>(&'a self, request_id: &'a str) -> Context<'a> {
        Context {
            request_id: Some(request_id),
            problem_type: &self.problem_type,
        }
    }
}

/// The builder methods of a layer type `$layer` whose `config` field is an `Arc<Config>`: the
/// two frameworks' layers take the same settings, stated here once.
macro_rules! settings_methods {
    ($layer:ident) => {
        fn config_mut(&mut self) -> &mut $crate::layer::Config {
            ::std::sync::Arc::make_mut(&mut self.config)
        }

        /// The format of a request that asks for none (Legacy unless set).
        #[must_use]
        pub fn default_format(mut self, format: $crate::BodyFormat) -> $layer {
            self.config_mut().default_format = format;
            self
        }

        /// Whether the user agents of Huawei Cloud's SDKs get Dual (on unless turned off).
        #[must_use]
        pub fn sdk_dual(mut self, on: bool) -> $layer {
            self.config_mut().sdk_dual = on;
            self
        }

        /// The base of Problem's `type` URI, which the code follows:
        /// [`ProblemBody::DEFAULT_TYPE_BASE`](crate::ProblemBody::DEFAULT_TYPE_BASE) unless set,
        /// such as `"https://docs.example.com/errors/"`.
        #[must_use]
        pub fn problem_type_base(
            mut self,
            base: impl Into<::std::borrow::Cow<'static, str>>,
        ) -> $layer {
            self.config_mut().problem_type = base.into();
            self
        }

        /// The table of framework errors (and of the error a panic becomes);
        /// [`FrameworkErrors::none()`](crate::FrameworkErrors::none) leaves every framework
        /// response untouched.
        #[must_use]
        pub fn framework_errors(mut self, table: $crate::FrameworkErrors) -> $layer {
            self.config_mut().framework = table;
            self
        }

        /// The level of a 4xx's log event (INFO unless set); a 5xx's is always ERROR.
        #[cfg(feature = "tracing")]
        #[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
        #[must_use]
        pub fn client_error_level(mut self, level: tracing::Level) -> $layer {
            self.config_mut().client_error_level = level;
            self
        }
    };
}

pub(crate) use settings_methods;
