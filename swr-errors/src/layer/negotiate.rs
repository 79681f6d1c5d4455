//! Which format a request gets: `Accept: application/problem+json` first, then the user agent of
//! a Huawei Cloud SDK, then the app's default.

use super::Config;
use crate::format::{BodyFormat, CONTENT_TYPE_PROBLEM};

/// The prefix of the user agents of Huawei Cloud's official SDKs: `huaweicloud-usdk-python/3.1`,
/// `huaweicloud-usdk-nodejs/…`, `huaweicloud-usdk-java/…`, `huaweicloud-usdk-go/…`.
const SDK_AGENT_PREFIX: &[u8] = b"huaweicloud-usdk-";

/// The format of the response to a request whose `Accept` names Problem (in any of its field
/// lines: [`accepts_problem`] of each) or not, with this `User-Agent`.
///
/// `#[inline]`: called on every request from the layer's generic `call`, compiled in the app's
/// crate, where it is a few comparisons for the common request.
#[inline]
pub(crate) fn choose(
    config: &Config,
    problem_accepted: bool,
    user_agent: Option<&[u8]>,
) -> BodyFormat {
    if problem_accepted {
        BodyFormat::Problem
    } else if config.sdk_dual && user_agent.is_some_and(is_sdk) {
        BodyFormat::Dual
    } else {
        config.default_format
    }
}

/// Whether an `Accept` value names `application/problem+json` (any case, any parameters) with a
/// quality above zero. Wildcards do not count: a client that takes `*/*` gets the app's format.
///
/// One field line's value: a request may send `Accept` as several lines, which together are one
/// list (RFC 9110 §5.3), so the layers ask this of each.
pub(crate) fn accepts_problem(accept: &[u8]) -> bool {
    // Most clients send `*/*` or a single type, too short to name it: no split for them.
    if accept.len() < CONTENT_TYPE_PROBLEM.len() {
        return false;
    }
    accept.split(|&byte| byte == b',').any(|range| {
        let mut parts = range.split(|&byte| byte == b';');
        let media = parts.next().unwrap_or_default().trim_ascii();
        media.eq_ignore_ascii_case(CONTENT_TYPE_PROBLEM.as_bytes())
            && !parts.any(|param| is_zero_quality(param.trim_ascii()))
    })
}

/// `q=0`, `q=0.0`, `q=0.00` or `q=0.000`.
fn is_zero_quality(param: &[u8]) -> bool {
    let Some(value) = param
        .strip_prefix(b"q=")
        .or_else(|| param.strip_prefix(b"Q="))
    else {
        return false;
    };
    match value.split_first() {
        Some((b'0', rest)) => {
            rest.is_empty()
                || rest
                    .strip_prefix(b".")
                    .is_some_and(|digits| digits.len() <= 3 && digits.iter().all(|&d| d == b'0'))
        }
        _ => false,
    }
}

/// Whether a `User-Agent` is one of Huawei Cloud's official SDKs.
fn is_sdk(user_agent: &[u8]) -> bool {
    user_agent
        .get(..SDK_AGENT_PREFIX.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(SDK_AGENT_PREFIX))
}

#[cfg(test)]
mod tests {
    use super::{accepts_problem, choose, Config};
    use crate::BodyFormat;

    fn with(default_format: BodyFormat, sdk_dual: bool) -> Config {
        Config {
            default_format,
            sdk_dual,
            ..Config::default()
        }
    }

    #[test]
    fn problem_then_sdk_then_default() {
        let config = with(BodyFormat::Legacy, true);
        let pick = |accept: &str, agent: &str| {
            choose(
                &config,
                accepts_problem(accept.as_bytes()),
                Some(agent.as_bytes()).filter(|a| !a.is_empty()),
            )
        };
        assert_eq!(pick("application/problem+json", ""), BodyFormat::Problem);
        assert_eq!(
            pick(
                "text/html, Application/Problem+JSON; charset=utf-8",
                "curl/8"
            ),
            BodyFormat::Problem
        );
        assert_eq!(
            pick("application/problem+json", "huaweicloud-usdk-python/3.1.86"),
            BodyFormat::Problem
        );
        assert_eq!(pick("application/problem+json;q=0", ""), BodyFormat::Legacy);
        assert_eq!(
            pick("application/problem+json; q=0.000", ""),
            BodyFormat::Legacy
        );
        assert_eq!(
            pick("application/problem+json;q=0.5", ""),
            BodyFormat::Problem
        );
        assert_eq!(pick("*/*", ""), BodyFormat::Legacy);
        for agent in [
            "huaweicloud-usdk-python/3.1.86",
            "huaweicloud-usdk-nodejs/3.1.100",
            "huaweicloud-usdk-java/3.1.0",
            "huaweicloud-usdk-go/0.1.100",
            "HuaweiCloud-USDK-Go/1",
        ] {
            assert_eq!(pick("application/json", agent), BodyFormat::Dual, "{agent}");
        }
        assert_eq!(pick("", "huaweicloud"), BodyFormat::Legacy);
        assert_eq!(
            pick("", "curl/8.5 huaweicloud-usdk-go/1"),
            BodyFormat::Legacy
        );
        assert_eq!(pick("", ""), BodyFormat::Legacy);
    }

    #[test]
    fn the_sdk_rule_can_be_turned_off_and_the_default_set() {
        let agent = Some(&b"huaweicloud-usdk-go/0.1"[..]);
        assert_eq!(
            choose(&with(BodyFormat::Legacy, false), false, agent),
            BodyFormat::Legacy
        );
        assert_eq!(
            choose(&with(BodyFormat::Problem, true), false, agent),
            BodyFormat::Dual
        );
        assert_eq!(
            choose(&with(BodyFormat::Problem, false), false, None),
            BodyFormat::Problem
        );
    }
}
