//! One module per wizard step.

pub mod custom_domain;
pub mod network;
pub mod private_endpoints;
// "Who can reach it?": on the apply page only, whose size budget has room for the
// reachability core; the wizard's has not (docs/performance.md).
#[cfg(feature = "arm-direct")]
pub mod reach;
pub mod review;
pub mod storage;
pub mod target;
