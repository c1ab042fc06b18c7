//! Azure AI network-isolation wizard.
//!
//! - `core`: the pure pipeline (draft → validate → config → plan → renderers), no browser: the
//!   `wizard-core` crate (crates/core), named here as before.
//! - `cli`: the native `wizard-cli` command around it.
//! - `ui`: the Leptos shell, compiled for wasm32 only.

pub use wizard_core as core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
