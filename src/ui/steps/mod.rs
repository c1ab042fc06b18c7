//! One module per wizard step.

pub mod custom_domain;
pub mod network;
pub mod private_endpoints;
pub mod review;
pub mod storage;
pub mod target;
