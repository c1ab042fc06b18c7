//! The private DNS zones of each linkable type and sub-resource, per cloud (azure-facts §5 and
//! Microsoft's "private endpoint DNS zone values" tables). The live answer for an existing
//! resource is `GET {resource}/privateLinkResources` (`requiredZoneNames`); the scripts print
//! that call next to the zones used.

use super::LinkType;
use crate::core::cloud::Cloud;

/// One zone an endpoint's records go in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    /// False where Microsoft's tables do not list it and common practice is all there is: the
    /// wizard says so next to the endpoint.
    pub confirmed: bool,
}

impl Zone {
    /// The public zone a conditional forwarder must send to Azure DNS (168.63.129.16).
    pub fn forwarded_zone(&self) -> &'static str {
        self.name.strip_prefix("privatelink.").unwrap_or(self.name)
    }

    /// The zone group's config name: the zone with dots replaced (azure-facts §3).
    pub fn config_name(&self) -> String {
        self.name.replace('.', "-")
    }
}

/// The zones for one endpoint, and what the table does not know (shown to the person).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ZoneAnswer {
    pub zones: Vec<Zone>,
    pub gaps: Vec<String>,
}

const fn sure(name: &'static str) -> Zone {
    Zone {
        name,
        confirmed: true,
    }
}

const fn unsure(name: &'static str) -> Zone {
    Zone {
        name,
        confirmed: false,
    }
}

/// The zones for an endpoint to `link_type`'s sub-resource `group_id`; `kind` is the Cognitive
/// Services kind (OpenAI and AIServices need more than one zone).
pub fn zones_for(cloud: Cloud, link_type: LinkType, kind: &str, group_id: &str) -> ZoneAnswer {
    let mut answer = ZoneAnswer::default();
    let gap = |what: &str| {
        format!(
            "The wizard does not know the private DNS zone of {what} in {}: look it up with GET {{resource}}/privateLinkResources (requiredZoneNames) and add it yourself.",
            cloud.label()
        )
    };
    match link_type {
        LinkType::CognitiveServices => {
            let (cognitive, openai, services_ai) = match cloud {
                Cloud::AzureCloud => (
                    Some(sure("privatelink.cognitiveservices.azure.com")),
                    Some(sure("privatelink.openai.azure.com")),
                    Some(unsure("privatelink.services.ai.azure.com")),
                ),
                Cloud::AzureUSGovernment => (
                    Some(sure("privatelink.cognitiveservices.azure.us")),
                    Some(sure("privatelink.openai.azure.us")),
                    None,
                ),
                Cloud::AzureChinaCloud => (
                    Some(unsure("privatelink.cognitiveservices.azure.cn")),
                    Some(unsure("privatelink.openai.azure.cn")),
                    None,
                ),
            };
            answer.zones.extend(cognitive);
            if kind == "OpenAI" || kind == "AIServices" {
                match openai {
                    Some(z) => answer.zones.push(z),
                    None => answer.gaps.push(gap("Azure OpenAI")),
                }
            }
            if kind == "AIServices" {
                match services_ai {
                    Some(z) => answer.zones.push(z),
                    None => answer.gaps.push(gap(
                        "the services.ai endpoints of Azure AI services (Foundry)",
                    )),
                }
            }
        }
        LinkType::MachineLearning => answer.zones.extend(match cloud {
            Cloud::AzureCloud => [
                sure("privatelink.api.azureml.ms"),
                sure("privatelink.notebooks.azure.net"),
            ],
            Cloud::AzureUSGovernment => [
                sure("privatelink.api.ml.azure.us"),
                sure("privatelink.notebooks.usgovcloudapi.net"),
            ],
            Cloud::AzureChinaCloud => [
                sure("privatelink.api.ml.azure.cn"),
                sure("privatelink.notebooks.chinacloudapi.cn"),
            ],
        }),
        LinkType::Media => match cloud {
            Cloud::AzureCloud => answer.zones.push(sure("privatelink.media.azure.net")),
            Cloud::AzureUSGovernment | Cloud::AzureChinaCloud => {
                answer.gaps.push(gap("Media Services (retired)"))
            }
        },
        LinkType::Storage => match storage_zone(cloud, group_id) {
            Some(zone) => answer.zones.push(zone),
            None => answer
                .gaps
                .push(gap(&format!("storage sub-resource {group_id}"))),
        },
        LinkType::KeyVault => answer.zones.push(sure(match cloud {
            Cloud::AzureCloud => "privatelink.vaultcore.azure.net",
            Cloud::AzureUSGovernment => "privatelink.vaultcore.usgovcloudapi.net",
            Cloud::AzureChinaCloud => "privatelink.vaultcore.azure.cn",
        })),
        LinkType::ContainerRegistry => answer.zones.push(sure(match cloud {
            Cloud::AzureCloud => "privatelink.azurecr.io",
            Cloud::AzureUSGovernment => "privatelink.azurecr.us",
            Cloud::AzureChinaCloud => "privatelink.azurecr.cn",
        })),
        LinkType::Search => answer.zones.push(sure(match cloud {
            Cloud::AzureCloud => "privatelink.search.windows.net",
            Cloud::AzureUSGovernment => "privatelink.search.azure.us",
            Cloud::AzureChinaCloud => "privatelink.search.azure.cn",
        })),
    }
    answer
}

fn storage_zone(cloud: Cloud, group_id: &str) -> Option<Zone> {
    let suffix = match cloud {
        Cloud::AzureCloud => "core.windows.net",
        Cloud::AzureUSGovernment => "core.usgovcloudapi.net",
        Cloud::AzureChinaCloud => "core.chinacloudapi.cn",
    };
    // One static string per combination: zone names are &'static in the table.
    const NAMES: [(&str, &str, &str); 18] = [
        (
            "blob",
            "core.windows.net",
            "privatelink.blob.core.windows.net",
        ),
        (
            "file",
            "core.windows.net",
            "privatelink.file.core.windows.net",
        ),
        (
            "queue",
            "core.windows.net",
            "privatelink.queue.core.windows.net",
        ),
        (
            "table",
            "core.windows.net",
            "privatelink.table.core.windows.net",
        ),
        (
            "dfs",
            "core.windows.net",
            "privatelink.dfs.core.windows.net",
        ),
        (
            "web",
            "core.windows.net",
            "privatelink.web.core.windows.net",
        ),
        (
            "blob",
            "core.usgovcloudapi.net",
            "privatelink.blob.core.usgovcloudapi.net",
        ),
        (
            "file",
            "core.usgovcloudapi.net",
            "privatelink.file.core.usgovcloudapi.net",
        ),
        (
            "queue",
            "core.usgovcloudapi.net",
            "privatelink.queue.core.usgovcloudapi.net",
        ),
        (
            "table",
            "core.usgovcloudapi.net",
            "privatelink.table.core.usgovcloudapi.net",
        ),
        (
            "dfs",
            "core.usgovcloudapi.net",
            "privatelink.dfs.core.usgovcloudapi.net",
        ),
        (
            "web",
            "core.usgovcloudapi.net",
            "privatelink.web.core.usgovcloudapi.net",
        ),
        (
            "blob",
            "core.chinacloudapi.cn",
            "privatelink.blob.core.chinacloudapi.cn",
        ),
        (
            "file",
            "core.chinacloudapi.cn",
            "privatelink.file.core.chinacloudapi.cn",
        ),
        (
            "queue",
            "core.chinacloudapi.cn",
            "privatelink.queue.core.chinacloudapi.cn",
        ),
        (
            "table",
            "core.chinacloudapi.cn",
            "privatelink.table.core.chinacloudapi.cn",
        ),
        (
            "dfs",
            "core.chinacloudapi.cn",
            "privatelink.dfs.core.chinacloudapi.cn",
        ),
        (
            "web",
            "core.chinacloudapi.cn",
            "privatelink.web.core.chinacloudapi.cn",
        ),
    ];
    NAMES
        .iter()
        .find(|(group, s, _)| *group == group_id && *s == suffix)
        .map(|(_, _, name)| sure(name))
}
