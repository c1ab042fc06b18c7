//! The one native integration-test binary (one link step keeps the 2-core build lean).
//! Each module tests one concern; helpers shared by several live in `support`.

mod support;
mod shell_checks;
mod command_table;
mod validation_target;
mod rest_shapes;
mod quoting;
mod validation_network;
mod plan_order;
mod idempotency;
mod snapshots;
mod never_panics;
mod config_and_cli;
