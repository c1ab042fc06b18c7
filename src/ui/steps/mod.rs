//! One module per wizard step.

pub mod custom_domain;
pub mod network;
pub mod not_yet_built;
pub mod review;
pub mod storage;
pub mod target;
