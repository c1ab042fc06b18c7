//! What the wizard can target: resource types and, for Cognitive Services, their kinds.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResourceType {
    #[default]
    CognitiveServices,
    /// AI Studio / AI Foundry hub: a Microsoft.MachineLearningServices workspace of kind Hub.
    MlHub,
    /// Azure Media Services: retired on 2024-06-30, kept for existing (legacy) configurations.
    MediaServices,
}

impl ResourceType {
    pub const ALL: [ResourceType; 3] = [
        ResourceType::CognitiveServices,
        ResourceType::MlHub,
        ResourceType::MediaServices,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ResourceType::CognitiveServices => "cognitive_services",
            ResourceType::MlHub => "ml_hub",
            ResourceType::MediaServices => "media_services",
        }
    }

    pub fn from_id(id: &str) -> Option<ResourceType> {
        ResourceType::ALL.into_iter().find(|t| t.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            ResourceType::CognitiveServices => "Azure AI services / Cognitive Services account",
            ResourceType::MlHub => "AI Studio / Azure ML hub workspace",
            ResourceType::MediaServices => "Media Services account (retired 2024-06-30)",
        }
    }

    /// ARM provider namespace and type, e.g. `Microsoft.CognitiveServices/accounts`.
    pub fn arm_type(self) -> &'static str {
        match self {
            ResourceType::CognitiveServices => "Microsoft.CognitiveServices/accounts",
            ResourceType::MlHub => "Microsoft.MachineLearningServices/workspaces",
            ResourceType::MediaServices => "Microsoft.Media/mediaservices",
        }
    }

    /// The name rule of this type (the Target step's name and "Load from Azure" read it).
    pub fn check_name(self, name: &str) -> Result<(), String> {
        use crate::names;
        match self {
            ResourceType::CognitiveServices => names::check_cognitive_account(name),
            ResourceType::MlHub => names::check_ml_workspace(name),
            ResourceType::MediaServices => names::check_media_account(name),
        }
    }

    pub fn api_version(self) -> &'static str {
        match self {
            ResourceType::CognitiveServices => crate::api_versions::COGNITIVE_SERVICES,
            ResourceType::MlHub => crate::api_versions::MACHINE_LEARNING,
            ResourceType::MediaServices => crate::api_versions::MEDIA,
        }
    }
}

/// One Cognitive Services `kind`.
#[derive(Debug, PartialEq, Eq)]
pub struct KindInfo {
    /// The ARM `kind` value.
    pub id: &'static str,
    pub label: &'static str,
    /// SKUs offered, the default first.
    pub skus: &'static [&'static str],
    /// Whether `networkAcls.bypass: AzureServices` (trusted services) is accepted.
    pub supports_trusted_services_bypass: bool,
    /// Shown next to the kind when set (retirements and the like).
    pub note: Option<&'static str>,
}

const S0_F0: &[&str] = &["S0", "F0"];

/// Where neither the Azure Verified Modules' account module nor Microsoft's pages for the kind
/// name its SKUs, the standard `S0` is offered alone (UNCONFIRMED per kind: see each entry).
const S0_ONLY: &[&str] = &["S0"];

/// Every `kind` the Azure Verified Modules' `avm/res/cognitive-services/account` module accepts
/// (its `@allowed` list; the REST specification does not enumerate kinds), but those of services
/// retired before today whose resources no longer run (QnAMaker.v2, LUIS.Authoring,
/// MetricsAdvisor: there is nothing left to isolate) and the undocumented Internal.AllInOne.
/// Trusted-services bypass: only the kinds azure-facts §2 lists (OpenAI, AIServices,
/// TextAnalytics).
pub const KINDS: &[KindInfo] = &[
    KindInfo {
        id: "SpeechServices",
        label: "Speech",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "OpenAI",
        label: "Azure OpenAI",
        skus: &["S0"],
        supports_trusted_services_bypass: true,
        note: None,
    },
    KindInfo {
        id: "AIServices",
        label: "Azure AI services (multi-service, Foundry)",
        skus: &["S0"],
        supports_trusted_services_bypass: true,
        note: None,
    },
    KindInfo {
        id: "CognitiveServices",
        label: "Cognitive Services multi-service (legacy)",
        skus: &["S0"],
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "TextAnalytics",
        label: "Language",
        skus: S0_F0,
        supports_trusted_services_bypass: true,
        note: None,
    },
    KindInfo {
        id: "FormRecognizer",
        label: "Document Intelligence",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "ComputerVision",
        label: "Computer Vision",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "Face",
        label: "Face",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "ContentSafety",
        label: "Content Safety",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "TextTranslation",
        label: "Translator",
        skus: &["S1", "F0", "S2", "S3", "S4"],
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "CustomVision.Training",
        label: "Custom Vision (training)",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "CustomVision.Prediction",
        label: "Custom Vision (prediction)",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "AnomalyDetector",
        label: "Anomaly Detector",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: Some("Anomaly Detector was retired in October 2026: existing resources stop working and new ones cannot be created."),
    },
    KindInfo {
        id: "ContentModerator",
        label: "Content Moderator",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: Some("Content Moderator is deprecated; Content Safety replaces it."),
    },
    KindInfo {
        id: "Personalizer",
        label: "Personalizer",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: Some("Personalizer was retired in October 2026: existing resources stop working and new ones cannot be created."),
    },
    KindInfo {
        id: "LUIS",
        label: "Language Understanding (LUIS)",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: Some("LUIS was retired in October 2025: existing resources stop working and new ones cannot be created."),
    },
    KindInfo {
        id: "QnAMaker",
        label: "QnA Maker",
        skus: S0_F0,
        supports_trusted_services_bypass: false,
        note: Some("QnA Maker was retired on 2025-03-31."),
    },
    KindInfo {
        id: "HealthInsights",
        label: "Health Insights",
        // SKUs UNCONFIRMED: the module does not pair kinds with SKUs; S0 is the standard tier.
        skus: S0_ONLY,
        supports_trusted_services_bypass: false,
        note: None,
    },
    KindInfo {
        id: "ImmersiveReader",
        label: "Immersive Reader",
        // SKUs UNCONFIRMED: the module does not pair kinds with SKUs; S0 is the standard tier.
        skus: S0_ONLY,
        supports_trusted_services_bypass: false,
        note: Some("Immersive Reader is being retired (date UNCONFIRMED here: check Microsoft's retirement notice)."),
    },
    KindInfo {
        id: "ConversationalLanguageUnderstanding",
        label: "Conversational Language Understanding (legacy kind)",
        // SKUs UNCONFIRMED: the module does not pair kinds with SKUs; S0 is the standard tier.
        skus: S0_ONLY,
        supports_trusted_services_bypass: false,
        note: Some("Conversational language understanding now runs on Language (TextAnalytics) accounts; this separate kind is legacy."),
    },
    KindInfo {
        id: "LanguageAuthoring",
        label: "Language authoring (legacy kind)",
        // SKUs UNCONFIRMED: the module does not pair kinds with SKUs; S0 is the standard tier.
        skus: S0_ONLY,
        supports_trusted_services_bypass: false,
        note: Some("Language authoring is retiring: Language (TextAnalytics) accounts author projects now."),
    },
];

pub fn kind_info(id: &str) -> Option<&'static KindInfo> {
    KINDS.iter().find(|k| k.id == id)
}
