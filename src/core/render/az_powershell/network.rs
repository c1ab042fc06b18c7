//! Service endpoints with az (provider registration and the firewall rules are shared).

use crate::core::quote::powershell;
use crate::core::render::template::{fill, Text};
use crate::core::subnet_id::SubnetId;

pub(super) fn enable_service_endpoint(subnet: &SubnetId) -> String {
    fill(
        include_str!("templates/enable_service_endpoint.ps1"),
        &[Text("subnet_id", &powershell(&subnet.to_string()))],
    )
}
