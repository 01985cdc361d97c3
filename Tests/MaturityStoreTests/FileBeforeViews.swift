/// An assessment file written by maturity before issue 13 (by `maturity new --answers` of the build before it):
/// it must load with no views and be written again byte for byte.
let fileBeforeViews = #"""
{
  "areas" : [
    {
      "actions" : [

      ],
      "answers" : {
        "econ-emerging-plan-known" : "partly",
        "econ-emerging-plan-reviewed" : "yes"
      },
      "id" : "economic-development",
      "notes" : {
        "econ-emerging-plan-reviewed" : "Reviewed – ✓ \"quoted\" \\\\ /"
      },
      "placement" : {
        "explanation" : "Not yet emerging, because Emerging is not met (1 of 3 criteria in place, 1 partly). To reach Emerging, still needed: economic plan known to the board (partly); economic plan referred to in the system strategy (not sure). This is provisional while 1 answer is not sure or not given.",
        "gap" : [
          "econ-emerging-plan-known",
          "econ-emerging-strategy-refers"
        ],
        "nextStage" : "emerging",
        "progress" : 0.5,
        "provisional" : true,
        "stage" : "not-yet-emerging",
        "stageTitle" : "Not yet emerging"
      },
      "title" : "Supporting economic development and recovery"
    },
    {
      "actions" : [

      ],
      "answers" : {

      },
      "id" : "quality-employment",
      "notes" : {

      },
      "placement" : {
        "explanation" : "Not yet emerging, because Emerging is not met (0 of 3 criteria in place). To reach Emerging, still needed: area's employment and wage policies reviewed (not sure); People Plan guided by the area's employment policies (not sure); People Plan delivered with staff (not sure). This is provisional while 3 answers are not sure or not given.",
        "gap" : [
          "employ-emerging-policies-reviewed",
          "employ-emerging-people-plan",
          "employ-emerging-staff"
        ],
        "nextStage" : "emerging",
        "progress" : 0,
        "provisional" : true,
        "stage" : "not-yet-emerging",
        "stageTitle" : "Not yet emerging"
      },
      "title" : "Ensuring quality local employment"
    },
    {
      "actions" : [

      ],
      "answers" : {
        "climate-emerging-green-plan" : "no"
      },
      "id" : "climate-change",
      "notes" : {

      },
      "placement" : {
        "explanation" : "Not yet emerging, because Emerging is not met (0 of 3 criteria in place). To reach Emerging, still needed: green plan linked to NHS plans (no); area green policies reviewed (not sure); system strategy guided by the area's green policies (not sure). This is provisional while 2 answers are not sure or not given.",
        "gap" : [
          "climate-emerging-green-plan",
          "climate-emerging-area-policy",
          "climate-emerging-strategy-guided"
        ],
        "nextStage" : "emerging",
        "progress" : 0,
        "provisional" : true,
        "stage" : "not-yet-emerging",
        "stageTitle" : "Not yet emerging"
      },
      "title" : "Tackling climate change"
    }
  ],
  "date" : "2026-11-22",
  "framework" : {
    "id" : "ics-social-economic-development",
    "title" : "ICS social and economic development maturity framework",
    "version" : "1.0.0"
  },
  "kind" : "maturity-assessment",
  "participants" : [
    "Ann",
    "Bo \"B\" Smith"
  ],
  "schemaVersion" : 1,
  "status" : "draft",
  "system" : "West Yorkshire ICS",
  "systemID" : "west-yorkshire-ics"
}
"""#
