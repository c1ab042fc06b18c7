//! The private DNS zones of each linkable type and sub-resource, per cloud (azure-facts §5 and
//! Microsoft's "private endpoint DNS zone values" tables). The live answer for an existing
//! resource is `GET {resource}/privateLinkResources` (`requiredZoneNames`); the scripts print
//! that call next to the zones used.

use super::LinkType;
use crate::cloud::Cloud;

/// One zone an endpoint's records go in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    /// False where Microsoft's tables do not list it and common practice is all there is: the
    /// wizard says so next to the endpoint.
    pub confirmed: bool,
    /// The public zone whose names point into this one: `{x}.{public}` is an alias of
    /// `{x}.{name}`, so the record goes in this zone as `{x}` (Key Vault's `vault.azure.net`
    /// resolves through `privatelink.vaultcore.azure.net`: the two names differ).
    pub public: &'static str,
    /// One host clients call whose name resolves through this zone, for the nslookup check:
    /// `{name}` is the resource's name (an account's custom subdomain), `{region}` its region, `{public}` the zone's public name;
    /// `<...>` is what only the resource knows.
    pub client_host: &'static str,
}

impl Zone {
    /// The zone group's config name: the zone with dots replaced (azure-facts §3).
    pub fn config_name(&self) -> String {
        self.name.replace('.', "-")
    }
}

/// The zones for one endpoint, the conditional forwarders its clients' DNS servers need, and
/// what the table does not know (shown to the person).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ZoneAnswer {
    pub zones: Vec<Zone>,
    /// The public zones a DNS server forwards for this type (Microsoft's "public DNS zone
    /// forwarders" column): more than the zones' own public names for a hub.
    pub forwarders: Vec<&'static str>,
    pub gaps: Vec<String>,
}

const fn sure(name: &'static str, public: &'static str, client_host: &'static str) -> Zone {
    Zone {
        name,
        confirmed: true,
        public,
        client_host,
    }
}

const fn unsure(name: &'static str, public: &'static str, client_host: &'static str) -> Zone {
    Zone {
        name,
        confirmed: false,
        public,
        client_host,
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
            // Microsoft's tables (azure-facts §14): services.ai is listed in the public cloud;
            // US Government lists only the cognitiveservices zone for accounts; the China
            // table lists none of them.
            let (cognitive, openai, services_ai) = match cloud {
                Cloud::AzureCloud => (
                    sure(
                        "privatelink.cognitiveservices.azure.com",
                        "cognitiveservices.azure.com",
                        "{name}.cognitiveservices.azure.com",
                    ),
                    Some(sure(
                        "privatelink.openai.azure.com",
                        "openai.azure.com",
                        "{name}.openai.azure.com",
                    )),
                    Some(sure(
                        "privatelink.services.ai.azure.com",
                        "services.ai.azure.com",
                        "{name}.services.ai.azure.com",
                    )),
                ),
                Cloud::AzureUSGovernment => (
                    sure(
                        "privatelink.cognitiveservices.azure.us",
                        "cognitiveservices.azure.us",
                        "{name}.cognitiveservices.azure.us",
                    ),
                    Some(unsure(
                        "privatelink.openai.azure.us",
                        "openai.azure.us",
                        "{name}.openai.azure.us",
                    )),
                    None,
                ),
                Cloud::AzureChinaCloud => (
                    unsure(
                        "privatelink.cognitiveservices.azure.cn",
                        "cognitiveservices.azure.cn",
                        "{name}.cognitiveservices.azure.cn",
                    ),
                    Some(unsure(
                        "privatelink.openai.azure.cn",
                        "openai.azure.cn",
                        "{name}.openai.azure.cn",
                    )),
                    None,
                ),
            };
            answer.zones.push(cognitive);
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
        LinkType::MachineLearning => {
            // Microsoft's custom DNS page for workspaces and hubs: the zones' public names plus
            // the compute instances, notebook content and inference hosts.
            let (zones, extra) = match cloud {
                Cloud::AzureCloud => (
                    [
                        sure(
                            "privatelink.api.azureml.ms",
                            "api.azureml.ms",
                            "<workspace-id>.workspace.{region}.api.azureml.ms",
                        ),
                        sure(
                            "privatelink.notebooks.azure.net",
                            "notebooks.azure.net",
                            "ml-<workspace-name>-{region}-<workspace-id>.{region}.notebooks.azure.net",
                        ),
                    ],
                    ["instances.azureml.ms", "aznbcontent.net", "inference.ml.azure.com"],
                ),
                Cloud::AzureUSGovernment => (
                    [
                        sure(
                            "privatelink.api.ml.azure.us",
                            "api.ml.azure.us",
                            "<workspace-id>.workspace.{region}.api.ml.azure.us",
                        ),
                        sure(
                            "privatelink.notebooks.usgovcloudapi.net",
                            "notebooks.usgovcloudapi.net",
                            "ml-<workspace-name>-{region}-<workspace-id>.{region}.notebooks.usgovcloudapi.net",
                        ),
                    ],
                    ["instances.azureml.us", "aznbcontent.net", "inference.ml.azure.us"],
                ),
                Cloud::AzureChinaCloud => (
                    [
                        sure(
                            "privatelink.api.ml.azure.cn",
                            "api.ml.azure.cn",
                            "<workspace-id>.workspace.{region}.api.ml.azure.cn",
                        ),
                        sure(
                            "privatelink.notebooks.chinacloudapi.cn",
                            "notebooks.chinacloudapi.cn",
                            "ml-<workspace-name>-{region}-<workspace-id>.{region}.notebooks.chinacloudapi.cn",
                        ),
                    ],
                    ["instances.azureml.cn", "aznbcontent.net", "inference.ml.azure.cn"],
                ),
            };
            answer.zones.extend(zones);
            answer.forwarders.extend(zones.iter().map(|z| z.public));
            answer.forwarders.extend(extra);
            return answer;
        }
        LinkType::Media => match cloud {
            Cloud::AzureCloud => answer.zones.push(sure(
                "privatelink.media.azure.net",
                "media.azure.net",
                match group_id {
                    "liveevent" => "<live-event>-{name}.channel.media.azure.net",
                    "streamingendpoint" => "<streaming-endpoint>-{name}.streaming.media.azure.net",
                    _ => "{name}.keydelivery.{region}.media.azure.net",
                },
            )),
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
        LinkType::KeyVault => {
            // Clients call vault.*, which resolves through the vaultcore zone: both are
            // forwarded (Microsoft's table lists both).
            let (zone, vaultcore) = match cloud {
                Cloud::AzureCloud => (
                    sure(
                        "privatelink.vaultcore.azure.net",
                        "vault.azure.net",
                        "{name}.vault.azure.net",
                    ),
                    "vaultcore.azure.net",
                ),
                Cloud::AzureUSGovernment => (
                    sure(
                        "privatelink.vaultcore.usgovcloudapi.net",
                        "vault.usgovcloudapi.net",
                        "{name}.vault.usgovcloudapi.net",
                    ),
                    "vaultcore.usgovcloudapi.net",
                ),
                Cloud::AzureChinaCloud => (
                    sure(
                        "privatelink.vaultcore.azure.cn",
                        "vault.azure.cn",
                        "{name}.vault.azure.cn",
                    ),
                    "vaultcore.azure.cn",
                ),
            };
            answer.zones.push(zone);
            answer.forwarders.extend([zone.public, vaultcore]);
            return answer;
        }
        LinkType::ContainerRegistry => answer.zones.push(match cloud {
            Cloud::AzureCloud => sure("privatelink.azurecr.io", "azurecr.io", "{name}.azurecr.io"),
            Cloud::AzureUSGovernment => {
                sure("privatelink.azurecr.us", "azurecr.us", "{name}.azurecr.us")
            }
            // Not in Microsoft's China table (azure-facts §14).
            Cloud::AzureChinaCloud => {
                unsure("privatelink.azurecr.cn", "azurecr.cn", "{name}.azurecr.cn")
            }
        }),
        LinkType::Search => answer.zones.push(match cloud {
            Cloud::AzureCloud => sure(
                "privatelink.search.windows.net",
                "search.windows.net",
                "{name}.search.windows.net",
            ),
            Cloud::AzureUSGovernment => sure(
                "privatelink.search.azure.us",
                "search.azure.us",
                "{name}.search.azure.us",
            ),
            // Not in Microsoft's China table (azure-facts §14).
            Cloud::AzureChinaCloud => unsure(
                "privatelink.search.azure.cn",
                "search.azure.cn",
                "{name}.search.azure.cn",
            ),
        }),
    }
    answer.forwarders = answer.zones.iter().map(|z| z.public).collect();
    answer
}

/// The zone table's entry for a zone name, wherever it is used (for its public name).
pub fn zone_named(name: &str) -> Option<Zone> {
    use crate::cloud::Cloud as C;
    let clouds = [C::AzureCloud, C::AzureUSGovernment, C::AzureChinaCloud];
    clouds.into_iter().find_map(|cloud| {
        LinkType::ALL.into_iter().find_map(|link_type| {
            link_type.group_ids().iter().find_map(|group_id| {
                zones_for(cloud, link_type, "AIServices", group_id)
                    .zones
                    .into_iter()
                    .find(|z| z.name.eq_ignore_ascii_case(name))
            })
        })
    })
}

/// A client host of the table with its placeholders filled.
pub fn client_host(zone: &Zone, name: &str, region: &str) -> String {
    zone.client_host
        .replace("{public}", zone.public)
        .replace("{name}", name)
        .replace("{region}", region)
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
        .map(|(_, _, name)| {
            // `privatelink.blob.core.windows.net` holds the names of `blob.core.windows.net`.
            sure(name, &name["privatelink.".len()..], "{name}.{public}")
        })
}
