//! The one native integration-test binary (one link step keeps the 2-core build lean).
//! Each module tests one concern; helpers shared by several live in `support`.
//! Native only: it runs bash, shellcheck and tree-sitter. `tests/browser.rs` runs in Chromium.

#![cfg(not(target_arch = "wasm32"))]

mod arm_client;
mod arm_client_fake;
mod arm_fake;
mod arm_outgoing;
mod az_cli_judge;
mod az_cmdlets;
mod bash_runs;
mod beyond_target;
mod client_guidance;
mod close_guards;
mod command_table;
mod config_and_cli;
mod current_state;
mod docs;
mod downloads;
mod highlight;
mod idempotency;
mod import_show;
mod inside_check;
mod json_text;
mod network_diff;
mod never_panics;
mod plan_order;
mod printed_commands;
mod private_endpoints;
mod quoting;
mod reachability;
mod rest_contract;
mod rest_sent;
mod rest_shapes;
mod runner_matches_rest;
mod share_links;
mod shell_checks;
mod shell_compat;
mod snapshots;
mod support;
mod template_coverage;
mod validation_network;
mod validation_storage;
mod validation_target;
mod zip_download;
