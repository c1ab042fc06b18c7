//! Private endpoints and private DNS with az from PowerShell.

use crate::core::config::Resource;
use crate::core::plan::{EndpointAction, Plan, AZURE_DNS};
use crate::core::private_endpoints::config::{Approval, Endpoint};
use crate::core::quote::powershell;
use crate::core::render::template::{fill, Flag, Text};

pub(super) fn step_body(plan: &Plan, action: &EndpointAction) -> String {
    match action {
        EndpointAction::DisableNetworkPolicies { subnet, .. } => fill(
            include_str!("templates/disable_network_policies.ps1"),
            &[Text("subnet_id", &powershell(&subnet.to_string()))],
        ),
        EndpointAction::CreateZone { zone } => fill(
            include_str!("templates/create_zone.ps1"),
            &[
                Text("subscription", &powershell(zone.subscription_id())),
                Text("resource_group", &powershell(zone.resource_group())),
                Text("zone", &powershell(&zone.name)),
            ],
        ),
        EndpointAction::LinkZone {
            zone,
            vnet_id,
            link_name,
        } => fill(
            include_str!("templates/link_zone.ps1"),
            &[
                Text("subscription", &powershell(zone.subscription_id())),
                Text("resource_group", &powershell(zone.resource_group())),
                Text("zone", &powershell(&zone.name)),
                Text("link", &powershell(link_name)),
                Text("vnet_id", &powershell(vnet_id)),
            ],
        ),
        EndpointAction::CreateEndpoint { endpoint } => create_endpoint(plan, endpoint),
        EndpointAction::AttachZoneGroup { endpoint } => endpoint
            .zones
            .iter()
            .map(|zone| {
                fill(
                    include_str!("templates/attach_zone.ps1"),
                    &[
                        Text("zone_id", &powershell(&zone.id)),
                        Text("zone", &zone.name),
                        Text("config_name", &powershell(&zone.config_name())),
                        Text("subscription", &powershell(endpoint.subscription_id())),
                        Text("resource_group", &powershell(&endpoint.resource_group)),
                        Text("name", &powershell(&endpoint.name)),
                    ],
                )
            })
            .collect(),
        EndpointAction::ShowDnsRecords { endpoint } => {
            let zones: Vec<&str> = endpoint.zones.iter().map(|z| z.name.as_str()).collect();
            let forwarded: Vec<&str> = endpoint.zones.iter().map(|z| z.forwarded_zone()).collect();
            fill(
                include_str!("templates/show_dns_records.ps1"),
                &[
                    Text("zones", &zones.join(", ")),
                    Text("forwarded", &forwarded.join(", ")),
                    Text("azure_dns", AZURE_DNS),
                    Text("subscription", &powershell(endpoint.subscription_id())),
                    Text("resource_group", &powershell(&endpoint.resource_group)),
                    Text("name", &powershell(&endpoint.name)),
                ],
            )
        }
        EndpointAction::ClientGuidance { lines } => lines
            .iter()
            .map(|line| format!("Write-Host {}\n", powershell(&format!("  {line}"))))
            .collect(),
        EndpointAction::DeleteEndpoint { removal } => fill(
            include_str!("templates/delete_endpoint.ps1"),
            &[
                Flag("zone_group", removal.delete_zone_group),
                Text("subscription", &powershell(&removal.subscription_id)),
                Text("resource_group", &powershell(&removal.resource_group)),
                Text("name", &powershell(&removal.name)),
            ],
        ),
    }
}

fn create_endpoint(plan: &Plan, endpoint: &Endpoint) -> String {
    let target = plan.target();
    let on_own_account = matches!(target.resource, Resource::CognitiveServices { .. })
        && endpoint
            .resource_id
            .eq_ignore_ascii_case(&target.resource_id());
    let (manual, request_message) = match &endpoint.approval {
        Approval::Automatic => (false, String::new()),
        Approval::Manual { request_message } if request_message.is_empty() => (true, String::new()),
        Approval::Manual { request_message } => (
            true,
            format!(", '--request-message', {}", powershell(request_message)),
        ),
    };
    let list_command = format!(
        "    az network private-endpoint-connection list --id {} --query \"[?contains(properties.privateEndpoint.id, '/{}')].id\" --output tsv",
        endpoint.resource_id, endpoint.name
    );
    fill(
        include_str!("templates/create_endpoint.ps1"),
        &[
            Flag(
                "check_subdomain",
                on_own_account && plan.config.custom_domain.is_none(),
            ),
            Flag("manual", manual),
            Text("request_message", &request_message),
            Text("list_command", &powershell(&list_command)),
            Text("subscription", &powershell(endpoint.subscription_id())),
            Text("resource_group", &powershell(&endpoint.resource_group)),
            Text("name", &powershell(&endpoint.name)),
            Text("location", &powershell(&endpoint.location)),
            Text("subnet_id", &powershell(&endpoint.subnet.to_string())),
            Text("resource_id", &powershell(&endpoint.resource_id)),
            Text("group_id", &powershell(&endpoint.group_id)),
            Text("connection", &powershell(&endpoint.connection_name)),
        ],
    )
}
