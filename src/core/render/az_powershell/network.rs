//! Provider registration and service endpoints with az (the firewall rules are shared).

use crate::core::quote::powershell;
use crate::core::render::template::{fill, Text};
use crate::core::subnet_id::SubnetId;

pub(super) fn register_provider(subscription_id: &str) -> String {
    fill(
        include_str!("templates/register_provider.ps1"),
        &[Text("subscription_id", &powershell(subscription_id))],
    )
}

pub(super) fn enable_service_endpoint(subnet: &SubnetId) -> String {
    fill(
        include_str!("templates/enable_service_endpoint.ps1"),
        &[Text("subnet_id", &powershell(&subnet.to_string()))],
    )
}
