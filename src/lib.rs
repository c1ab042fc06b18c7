//! Azure AI network-isolation wizard.
//!
//! - `core`: the pure pipeline (draft → validate → config → plan → renderers), no browser: the
//!   `wizard-core` crate (crates/core), named here as before.
//! - `arm_client`: the one ARM client, sans I/O (the `wizard-arm` crate, crates/arm-client): the
//!   token, where requests may go, the plan run as a state machine.
//! - `cli`: the native `wizard-cli` command around it.
//! - `ui`: the Leptos shell, compiled for wasm32 only.

pub use wizard_arm as arm_client;
pub use wizard_core as core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
