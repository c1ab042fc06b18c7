//! One module per wizard step.

pub mod custom_domain;
pub mod network;
pub mod private_endpoints;
// "Who can reach it?": on the apply page only, whose budget has room for the reachability
// core (9 kB gzip; the wizard's page has not).
#[cfg(feature = "arm-direct")]
pub mod reach;
pub mod review;
pub mod storage;
pub mod target;
