//! Azure clouds and what differs between them.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cloud {
    #[default]
    AzureCloud,
    AzureUSGovernment,
    AzureChinaCloud,
}

impl Cloud {
    pub const ALL: [Cloud; 3] = [
        Cloud::AzureCloud,
        Cloud::AzureUSGovernment,
        Cloud::AzureChinaCloud,
    ];

    /// The name both `az cloud set --name` and `Connect-AzAccount -Environment` use.
    pub fn cli_name(self) -> &'static str {
        match self {
            Cloud::AzureCloud => "AzureCloud",
            Cloud::AzureUSGovernment => "AzureUSGovernment",
            Cloud::AzureChinaCloud => "AzureChinaCloud",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cloud::AzureCloud => "Azure (public)",
            Cloud::AzureUSGovernment => "Azure US Government",
            Cloud::AzureChinaCloud => "Azure China (21Vianet)",
        }
    }

    pub fn from_cli_name(name: &str) -> Option<Cloud> {
        Cloud::ALL.into_iter().find(|c| c.cli_name() == name)
    }

    /// Audiences ARM of this cloud accepts: its endpoint (with or without the slash) and the older
    /// `management.core` form that `az` still hands out for some clouds.
    pub fn arm_audiences(self) -> &'static [&'static str] {
        match self {
            Cloud::AzureCloud => &[
                "https://management.azure.com",
                "https://management.core.windows.net",
            ],
            Cloud::AzureUSGovernment => &[
                "https://management.usgovcloudapi.net",
                "https://management.core.usgovcloudapi.net",
            ],
            Cloud::AzureChinaCloud => &[
                "https://management.chinacloudapi.cn",
                "https://management.core.chinacloudapi.cn",
            ],
        }
    }

    pub fn arm_endpoint(self) -> &'static str {
        match self {
            Cloud::AzureCloud => "https://management.azure.com",
            Cloud::AzureUSGovernment => "https://management.usgovcloudapi.net",
            Cloud::AzureChinaCloud => "https://management.chinacloudapi.cn",
        }
    }

    /// DNS suffix of custom-subdomain endpoints: `https://{name}.{suffix}`.
    pub fn cognitive_services_suffix(self) -> &'static str {
        match self {
            Cloud::AzureCloud => "cognitiveservices.azure.com",
            Cloud::AzureUSGovernment => "cognitiveservices.azure.us",
            Cloud::AzureChinaCloud => "cognitiveservices.azure.cn",
        }
    }

    pub fn custom_subdomain_endpoint(self, subdomain: &str) -> String {
        format!("https://{subdomain}.{}/", self.cognitive_services_suffix())
    }

    /// Regions where the wizard knows Azure AI services to exist. Others get a warning, not an
    /// error: Azure adds regions faster than this table changes.
    pub fn known_regions(self) -> &'static [&'static str] {
        match self {
            Cloud::AzureCloud => &[
                "australiaeast",
                "brazilsouth",
                "canadacentral",
                "canadaeast",
                "centralindia",
                "centralus",
                "eastasia",
                "eastus",
                "eastus2",
                "francecentral",
                "germanywestcentral",
                "italynorth",
                "japaneast",
                "japanwest",
                "koreacentral",
                "northcentralus",
                "northeurope",
                "norwayeast",
                "polandcentral",
                "qatarcentral",
                "southafricanorth",
                "southcentralus",
                "southeastasia",
                "southindia",
                "spaincentral",
                "swedencentral",
                "switzerlandnorth",
                "switzerlandwest",
                "uaenorth",
                "uksouth",
                "ukwest",
                "westcentralus",
                "westeurope",
                "westus",
                "westus2",
                "westus3",
            ],
            Cloud::AzureUSGovernment => &[
                "usgovarizona",
                "usgovtexas",
                "usgovvirginia",
                "usdodcentral",
                "usdodeast",
            ],
            Cloud::AzureChinaCloud => &[
                "chinaeast",
                "chinaeast2",
                "chinaeast3",
                "chinanorth",
                "chinanorth2",
                "chinanorth3",
            ],
        }
    }
}
