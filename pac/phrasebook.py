"""The phrase book: what findings and transfer verdicts say, in English and in Dutch (:mod:`pac.phrases` fills
it in). Every language has the same keys (a test holds them to it). A template is ``str.format``'s: ``{name!r}``
quotes a name as written; a tuple's spec names its join (``_joins``: ``or`` "a, b or c").

The English is what the checks always wrote (findings.json, SARIF and the golden files keep it). The Dutch uses
the terms of the Dutch text of the GDPR (the AVG), as :mod:`pac.messages` does: verwerkingsverantwoordelijke,
verwerker, ontvanger, betrokkene, doorgifte, passende waarborgen (art. 46), adequaatheidsbesluit (art. 45),
standaardbepalingen inzake gegevensbescherming (art. 46 lid 2 sub c), bindende bedrijfsvoorschriften (art. 47),
afwijkingen (art. 49), toezichthoudende autoriteit; the Court of Justice is het Hof van Justitie (HvJ EU).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

_EN: dict[str, Any] = {
    "_joins": {"": (", ", ", "), "or": (", ", " or "), "and": (" and ", " and "), ";": ("; ", "; "),
               "each_or": (", or ", ", or "), "only_or": (" or ", " or "), "->": (" -> ", " -> "),
               "list_and": (", ", " and ")},
    # -- transfer verdicts (pac.transfers)
    "verdict.country-unknown": "the declaration does not say in which country the recipient processes the data",
    "verdict.in-eea": "{country} is in the EEA on {on}",
    "verdict.adequate-unclaimed": "{decision} (adequacy) covers {where} on {on}, without any claim (Art. 45(1))",
    "verdict.no-tool": "personal data go to {where}, outside {area}, and no transfer tool is stated",
    "verdict.unnamed-country": "a third country the notice does not name",
    "verdict.at-home": "{country} is in {area} on {on}",
    "verdict.adequate-unclaimed-national": ("{decision} (adequacy regulations under the {statute}, {approval}) covers "
                                            "{where} on {on}, without any claim"),
    "verdict.adequate-unclaimed-unverified": ("{decision} (adequacy regulations under the {statute}, {approval}) may "
                                              "cover {where} on {on}, but pac's reference data mark that unverified"),
    "verdict.no-adequacy-national": "no adequacy regulations under the {statute} ({approval}) cover {where}",
    "verdict.dpf-not-listed-national": ("{name!r} is not on the Data Privacy Framework List pac was given, and {decision} "
                                        "covers only organisations the List shows as participating in the UK "
                                        "Extension"),
    "verdict.dpf-claimed-national": ("the recipient's participation in the UK Extension to the Data Privacy Framework "
                                     "is claimed, not verified: {why}; {decision} covers only organisations the Data "
                                     "Privacy Framework List shows as participating in it"),
    "verdict.dpf-not-established-national": ("the recipient's participation in the UK Extension to the Data Privacy "
                                             "Framework is not established: {why}; {decision} covers only "
                                             "organisations the Data Privacy Framework List shows as participating "
                                             "in it"),
    "verdict.not-a-tool-national": ("{tool} is no transfer tool; the {statute} needs adequacy regulations ({approval}), "
                                    "appropriate safeguards ({safeguards}) or a derogation ({derogations})"),
    "verdict.derogation-national": ("{article} is a derogation for specific situations; the declaration does not "
                                    "establish that its conditions are met for these transfers"),
    "verdict.needs-authorisation-national": ("{tool} need the supervisory authority's authorisation ({statute} Art. "
                                             "46(3)); the declaration does not say it was given"),
    "verdict.tool-not-yet": "{tool} apply from {start}",
    "verdict.scc-superseded-national": ("under the {statute}, {clauses} carry a transfer only in a contract concluded "
                                        "by {cutoff}, for unchanged processing, and only until {until}"),
    "verdict.scc-kept-unestablished-national": ("under the {statute}, {clauses} carry a transfer until {until} only in a "
                                                "contract concluded by {cutoff}, for unchanged processing, which the "
                                                "declaration does not establish"),
    "verdict.scc-kept-national": ("under the {statute}, {clauses} carry a transfer until {until} in this contract, "
                                  "concluded by {cutoff}, for unchanged processing"),
    "verdict.scc-addendum-not-yet": ("under the {statute}, the Commission's 2021 clauses carry a transfer only with the "
                                     "Information Commissioner's UK Addendum (DPA 2018 s.119A), which applies from "
                                     "{start}"),
    "verdict.scc-addendum": ("under the {statute}, the Commission's standard contractual clauses carry a transfer only with "
                             "the Information Commissioner's UK Addendum (DPA 2018 s.119A; or the IDTA instead), and "
                             "the declaration does not say it is used"),
    "verdict.destination": "{where}",
    "verdict.destination-for": "{where}, for {relation}",
    "verdict.adequacy-unnamed-country": ("the notice does not name the third country, so whether an adequacy decision "
                                         "covers it cannot be established"),
    "verdict.adequacy-other-country": "{decision} covers transfers to {country} only, not to {where}",
    "verdict.adequacy-scope-denied": ("the declaration says {name!r} is outside the scope of the adequacy decision for "
                                      "{where} ({decision}: {scope}; not met: {denied})"),
    "verdict.dpf-not-listed": ("{name!r} is not on the Data Privacy Framework List pac was given, and the adequacy "
                               "decision for the United States covers only organisations on it"),
    "verdict.dpf-claimed": ("the recipient's certification under the Data Privacy Framework is claimed, not verified: "
                            "{why}; {decision} covers only organisations on the Data Privacy Framework List"),
    "verdict.dpf-not-established": ("the recipient's certification under the Data Privacy Framework is not established: "
                                    "{why}; {decision} covers only organisations on the Data Privacy Framework List"),
    "verdict.adequacy-limited": ("the adequacy decision for {where} ({decision}) is limited in scope ({scope}); the "
                                 "declaration does not establish that the recipient is within it ({missing})"),
    "verdict.adequacy-covers": "{decision} (adequacy) covers {where} on {on}",
    "verdict.dpf-lapsed": ("the List entry on record was seen on {seen}, more than a year before {on}, and "
                           "certification lapses without annual re-certification"),
    "verdict.dpf-seen-later": "the List entry on record was seen only after {on}",
    "verdict.dpf-undated": "the declaration states it without the date the List entry was seen",
    "verdict.dpf-no-list": ("pac was given no Data Privacy Framework List and the declaration records no dated List "
                            "entry"),
    "verdict.no-adequacy": "no adequacy decision covers {where}",
    "verdict.no-adequacy-invalidated": "no adequacy decision covers {where} on {on}: {why}",
    "verdict.applies-from": "{decision} applies from {start}",
    "verdict.applies-from-to": "{decision} applies from {start} to {end}",
    "verdict.no-adequacy-on": "no adequacy decision covers {where} on {on}: {applies}",
    "verdict.no-adequacy-on-unverified": ("no adequacy decision covers {where} on {on}: {applies}, a date pac's "
                                          "reference data mark unverified"),
    "verdict.covered-other-country": "{decision} covered transfers to {country} only",
    "verdict.invalidated-in-force": "{decision} is in force on {on} (for the organisations certified under it)",
    "verdict.not-a-tool": ("{tool} is no transfer tool; Chapter V needs an adequacy decision (Art. 45), appropriate "
                           "safeguards (Art. 46) or a derogation (Art. 49)"),
    "verdict.derogation": ("{article} is a derogation, to be read restrictively and used for occasional transfers, not "
                           "for systematic or repetitive ones (EDPB Guidelines 2/2018); the declaration does not "
                           "establish that these transfers are occasional"),
    "verdict.needs-authorisation": ("{tool} need the supervisory authority's authorisation (Art. 46(3)); the "
                                    "declaration does not say it was given"),
    "verdict.instrument": "{tool} ({article})",
    "verdict.scc-any": "on {on} every set of standard contractual clauses in force could be used",
    "verdict.scc-unnamed": ("the notice does not say which standard contractual clauses are used; on {on} only those "
                            "of {decision} are valid in every contract"),
    "verdict.scc-clauses": "the standard contractual clauses of {decision}",
    "verdict.scc-valid": "{clauses} are valid on {on}",
    "verdict.scc-transition": ("{clauses} remain valid until {until} in this contract, concluded on {concluded}, for "
                               "processing the notice says is unchanged ({article})"),
    "verdict.scc-changed": ("{clauses} remained valid after {cutoff} only for unchanged processing operations "
                            "({article}), and the declaration says the processing changed"),
    "verdict.scc-missing-unchanged": "that the processing is unchanged",
    "verdict.scc-missing-concluded": "that the contract was concluded by {cutoff} and the processing is unchanged",
    "verdict.scc-old": ("on {on} {clauses} are valid only in contracts concluded by {cutoff}, until {until}, and only "
                        "while the processing operations stay unchanged ({article}); the declaration does not "
                        "establish {missing}"),
    "verdict.scc-not-yet": "{clauses} apply from {start}",
    "verdict.scc-too-late": ("{clauses} could not be used in contracts concluded after {cutoff} ({article}); this one "
                             "was concluded on {concluded}"),
    "verdict.scc-repealed": ("{clauses} were repealed; contracts concluded by {cutoff} could rely on them until "
                             "{until} ({article})"),
    "verdict.invalidated": "{decision} was invalidated by the Court of Justice on {on} ({judgment})",
    "relation.storage": "storage", "relation.processing": "processing", "relation.parent": "parent",
    "relation.support": "support", "relation.access": "access",
    # -- checks/transfers.py
    "route-more": "... ({n} more)",
    "transfer-no-tool": "{where}, and the notice states no transfer tool for them.",
    "transfer-tool-invalid": "{where}. Claimed tool: {tool}; it does not carry the transfer: {reason}.",
    "transfer-tool-invalid-general": ("{where}. Claimed tool: {tool} (stated for transfers in general); it does not "
                                      "carry the transfer: {reason}."),
    "transfer-tool-unverified": ("{where}. Claimed tool: {tool}; it carries the transfer only under a condition the "
                                 "declaration does not establish: {reason}."),
    "transfer-tool-unverified-general": ("{where}. Claimed tool: {tool} (stated for transfers in general); it carries "
                                         "the transfer only under a condition the declaration does not establish: "
                                         "{reason}."),
    "transfer-tool-nowhere": ("The notice claims a transfer tool for {name!r} that carries no transfer, wherever the "
                              "data go. Claimed tool: {tool}; {reason}."),
    "transfer-adequacy-unmentioned": ("Personal data go to {name!r} in {country}, outside the EEA: {reason}, but the "
                                      "notice does not mention the adequacy decision."),
    "transfer-to-recipients": "Personal data go to recipients in {where}, outside {area}",
    "transfer-adequacy-unmentioned-national": ("Personal data go to {name!r} in {country}, outside {area}: {reason}, "
                                               "but the notice does not mention the adequacy regulations."),
    "transfer-adequacy-unverified": "{where}: {reason}.",
    "recipient-country-outside-eea-national": ("The notice says the data of these recipients go outside {area} "
                                               "without naming the country, so whether adequacy regulations cover it, "
                                               "as the notice must say ({statute} Art. 13(1)(f)), cannot be assessed."),
    "recipient-country-unknown-national": ("The declaration does not say in which country these recipients process "
                                           "the data, so whether the data leave {area} (needing a transfer tool, "
                                           "{principle}) and whether the notice had to say so ({statute} Art. "
                                           "13(1)(f)) cannot be assessed."),
    "transfer-to": "Personal data go to {name!r} in {where}, outside {area}",
    "onward-transfer": ("Personal data reach {name!r} in {country} through {route:->}, passed on by {parent!r} "
                        "({parent_country})"),
    "recipient-country-outside-eea": ("The notice says the data of these recipients go outside the EEA without naming "
                                      "the country, so whether an adequacy decision covers it, as the notice must say "
                                      "(Art. 13(1)(f)), cannot be assessed."),
    "recipient-country-known-entity": ("The declaration does not say in which country these recipients process the "
                                       "data, though public sources name the entity that serves users in the EU and "
                                       "its seat (pac's reference data on well-known recipients); encode that country "
                                       "as a public fact with its source, so that the transfer (Art. 44) and the "
                                       "notice's duty to mention it (Art. 13(1)(f)) can be assessed."),
    "recipient-country-unknown": ("The declaration does not say in which country these recipients process the data, so "
                                  "whether the data leave the EEA (needing a transfer tool, Art. 44) and whether the "
                                  "notice had to say so (Art. 13(1)(f)) cannot be assessed."),
    "general-transfer-tool-invalid": ("The notice names a safeguard for transfers outside {area} that carries no "
                                      "transfer. Claimed tool: {tool}; {reason}."),
    "scope-transfers": "transfers outside {area}",
    "scope-transfers-to": "transfers to {name!r}",
    "safeguard-copy-missing": ("The notice does not say how to obtain a copy of the safeguard it relies on for {scope}, "
                               "or where it is available. Claimed tool: {tool}."),
    "scc-module-mismatch": ("The notice claims module {module} ({label}) of the standard contractual clauses for "
                            "{name!r}, a {role}; a transfer to a {role} uses module {expected} ({expected_label})."),
    "scc-module.1": "controller to controller", "scc-module.2": "controller to processor",
    "scc-module.3": "processor to (sub-)processor", "scc-module.4": "processor to controller",
    "role.processor": "processor", "role.sub_processor": "sub-processor", "role.joint_controller": "joint controller",
    "role.controller": "controller", "role.public_authority": "public authority", "role.recipient": "recipient",
    # -- pac.checking (what every check may say)
    "list": "{items}",
    "named-special": "{name!r} ({label})",
    "unstated-controller-country": "the controller's country, which the declaration does not state",
    "no-national-rule": ("pac has no rule of the law of {where} on {what} in force on {on}, so {unchecked} was not "
                         "checked against national law."),
    # -- checks/accountability.py
    "ap-dpia-list.genetic_data": "large-scale processing or systematic monitoring of genetic data",
    "ap-dpia-list.health": "large-scale processing of health data",
    "ap-dpia-list.biometric_for_unique_identification": ("large-scale processing or systematic monitoring of biometric "
                                                         "data to identify a person"),
    "ap-dpia-list.black_lists": ("processing data on criminal convictions and offences that are shared with third "
                                 "parties (black lists)"),
    "processor-unnamed": "The notice neither names {name!r} nor says what service they provide.",
    "processor-agreement-unstated": "The notice does not say that a processor agreement is in place with {name!r}.",
    "processor-agreement-absent": "The notice says there is no processor agreement with {name!r}.",
    "roles-differ": "{name!r} is declared as a {role} here and as a {earlier} at {at}.",
    "controller-own-recipient": "The controller {name!r} is declared as one of its own recipients, as a {role}.",
    "data-subjects-unprocessed": "The notice names {name!r} as data subjects, but describes no processing of their data.",
    "data-category-unused": "The notice lists {name!r}, but no processing that uses these data.",
    "named-criminal": "{name!r} (data relating to criminal offences)",
    "dpia-on-list": " The Dutch supervisory authority's DPIA list covers {covered:;}.",
    "dpia-not-conducted": "says no DPIA was conducted",
    "dpia-unmentioned": "mentions no DPIA",
    "dpia-large-scale": ("{name!r} uses {uses} on a large scale, as the notice says, and the notice {said}; Art. 35(3)(b) "
                         "requires one.{on_list}"),
    "dpia-listed": "{name!r} uses {uses}, and the notice {said}.{on_list}",
    "dpia-scale-unknown": ("{name!r} uses {uses}, and the notice does not show whether this is on a large scale; "
                           "Art. 35(3)(b) requires a DPIA where it is."),
    # -- checks/special_categories.py, sensitive_context.py
    "special-condition-missing": ("The notice states no condition of Art. 9(2) that lifts the ban on processing "
                                  "{names}, which these purposes use."),
    "special-condition-missing-anonymised": ("The notice states no condition of Art. 9(2) that lifts the ban on "
                                             "processing {names}, which these purposes use. The notice says the data "
                                             "are anonymised for this purpose; making them anonymised is itself "
                                             "processing of the special-category data, and whether the result is "
                                             "anonymous the declaration does not show."),
    "special-condition-missing-aggregated": ("The notice states no condition of Art. 9(2) that lifts the ban on "
                                             "processing {names}, which these purposes use. The notice says the data "
                                             "are aggregated for this purpose; making them aggregated is itself "
                                             "processing of the special-category data, and whether the result is "
                                             "anonymous the declaration does not show."),
    "criminal-law-missing": ("{name!r} uses {names!r} (data relating to criminal convictions or offences), but the "
                             "notice names no law that authorises this processing."),
    "context-reveals": ("The context of {name!r} can reveal {label}, yet the notice states no condition of Art. 9(2) "
                        "for {purposes!r}."),
    "context-reveals-denied": ("The context of {name!r} can reveal {label}, yet the notice states no condition of "
                               "Art. 9(2) for {purposes!r}. The notice says it processes no special categories."),
    # -- checks/rights.py
    "right-condition.complaint-after-talks": ("The notice presents the right to complain to the supervisory authority "
                                              "as available only after talks with the controller have failed; "
                                              "Art. 77(1) gives every data subject that right without that condition."),
    "right-condition.erasure-after-contract": ("The notice allows erasure only once the contract has ended; the grounds "
                                               "of Art. 17(1), such as withdrawn consent, an objection or unlawful "
                                               "processing, can arise while it lasts."),
    "right-condition.erasure-limited-grounds": ("The notice allows erasure only on some of the grounds of Art. 17(1); the "
                                                "right arises on each of them, including withdrawn consent, an "
                                                "objection and unlawful processing."),
    "right-condition.access-must-specify": ("The notice requires an access request to say which data it concerns; the "
                                            "right covers all of the requester's data (Art. 15(1)), and a controller "
                                            "may ask to specify only where it processes a large quantity of them "
                                            "(Recital 63), never as a condition."),
    "right-condition.after-contract": ("The notice allows the {right} only once the contract has ended; the GDPR "
                                       "attaches no such condition to it."),
    "right-condition.in-writing": ("The notice accepts only a written request for the {right}; the controller must "
                                   "facilitate the exercise of rights (Art. 12(2)) and a request needs no particular "
                                   "form."),
    "right-condition.fee": ("The notice charges a fee for the {right}; requests are free of charge unless manifestly "
                            "unfounded or excessive (Art. 12(5)), and only further copies may be charged for "
                            "(Art. 15(3))."),
    "right.access": "right of access", "right.rectification": "right to rectification",
    "right.erasure": "right to erasure", "right.restriction": "right to restriction",
    "right.portability": "right to data portability", "right.objection": "right to object",
    "right.no_automated_decision": "right not to be subject to an automated decision",
    "right.withdraw_consent": "right to withdraw consent", "right.complaint": "right to lodge a complaint",
    # -- pac.reference (national rules)
    "caveat-unverified": " (pac's reference data mark this rule unverified)",
    # -- checks/flows.py
    "special-transfer-valid": ("Special-category data ({categories}) go to {name!r} in {country}, outside {area}, on a "
                               "transfer tool pac finds valid."),
    "special-transfer-unverified": ("Special-category data ({categories}) go to {name!r} in {country}, outside {area}, "
                                    "on a transfer tool valid only under a condition the declaration does not "
                                    "establish."),
    "special-transfer-invalid": ("Special-category data ({categories}) go to {name!r} in {country}, outside {area}, "
                                 "without a valid transfer tool."),
    "sub-processor-agreement-unstated": ("{name!r} works as a sub-processor under {parent!r}, and the notice does not "
                                         "say that {parent!r} is bound by a processor agreement whose obligations it "
                                         "must pass on to {name!r}."),
    "sub-processor-agreement-absent": ("{name!r} works as a sub-processor under {parent!r}, which the notice says has no "
                                       "processor agreement: there are no Art. 28(3) obligations to pass on to "
                                       "{name!r}."),
    "recipient-data-unused-activities": "{name!r} receives {unused}, which no purpose of its activities uses.",
    "recipient-data-unused-notice": "{name!r} receives {unused}, which no purpose of the notice uses.",
    "recipient-data-unlinked": ("The declaration does not say which personal data these recipients receive: it links "
                                "them to no activity and no data category."),
    # -- checks/lawfulness.py
    "basis.consent": "consent", "basis.contract": "contract", "basis.legal_obligation": "legal obligation",
    "basis.vital_interests": "vital interests", "basis.public_task": "public task",
    "basis.legitimate_interests": "legitimate interests",
    "legal-bases-collective": "The notice lists {listed} as legal bases without saying which purpose rests on which.",
    "legal-basis-missing": "The notice states no legal basis for {name!r}.",
    "legitimate-interest-unnamed": "{name!r} rests on legitimate interests, but the notice does not say which interest.",
    "objection-unstated": "Processing rests on {basis}, but the notice states no right to object to it.",
    "consent-withdrawal-missing": "Processing rests on consent, but the notice gives no way to withdraw it.",
    "consent-bundled": ("Consent for {name!r} is obtained together with accepting the terms and conditions, so it is "
                        "neither separate nor freely given."),
    "topic-email-marketing": "unsolicited electronic marketing (art. 13 of Directive 2002/58/EC)",
    "unchecked-email-marketing": "whether {name!r} may e-mail people without their consent",
    "unidentified-customers": "people the declaration does not identify as customers or subscribers",
    "email-marketing-no-consent": ("{name!r} sends marketing by e-mail to {whom}, and the notice does not say that they "
                                   "consented to it, which {law} requires{caveat}."),
    "email-marketing-no-opt-out": ("{name!r} e-mails customers without their consent and the notice states no way to "
                                   "opt out, which the customer exception of {law} requires{caveat}."),
    # -- checks/risk.py
    "ap-list.covert_investigation": "covert investigation, including investigation to fight fraud (item 1)",
    "ap-list.black_list": ("black lists: data on criminal offences, unlawful or annoying behaviour or bad payment that "
                           "are shared with third parties (item 2)"),
    "ap-list.fraud_detection": "large-scale processing or systematic monitoring to fight fraud (item 3)",
    "ap-list.credit_scoring": ("large-scale processing or monitoring that leads to an assessment of creditworthiness "
                               "(item 4)"),
    "wp248.evaluation": "evaluation or scoring, including profiling",
    "wp248.decision": "automated decisions with legal or similarly significant effects",
    "wp248.monitoring": "systematic monitoring",
    "wp248.sensitive": "special-category or criminal-offence data",
    "wp248.large_scale": "processing on a large scale",
    "wp248.vulnerable": "vulnerable data subjects",
    "wp248.innovative": "innovative technology",
    "wp248.blocks_service": "processing that can bar people from a service",
    "risk-ap-list": "processing on the Dutch supervisory authority's DPIA list ({item})",
    "risk-art35-3-a": "automated decisions with legal or similarly significant effects (Art. 35(3)(a))",
    "risk-art35-3-c": "systematic monitoring of a publicly accessible area on a large scale (Art. 35(3)(c))",
    "risk-triggers": "{name!r} involves {triggers:;}, and the notice {said}.",
    "risk-criteria": "{name!r} meets {n} of the WP248 criteria of likely high risk ({met}), and the notice {said}.",
    "risk-criterion": ("{name!r} meets one of the WP248 criteria of likely high risk ({met}), and the notice {said}; one "
                       "criterion alone seldom requires a DPIA."),
    # -- checks/roles.py
    "integration.social_login": "log-in with its account",
    "integration.fan_page": "the controller's page on its network",
    "integration.social_plugin": "a social plugin", "integration.embedded_content": "embedded content",
    "integration.tracking_pixel": "a tracking pixel",
    "joint-collection": ("{name!r} collects visitors' data through {ways} on the controller's site for its own ends; for "
                         "that collection and transmission the controller and {name!r} are joint controllers, and the "
                         "notice makes no arrangement between them available."),
    "joint-arrangement-missing": ("The notice calls {name!r} a joint controller, but makes no arrangement between them "
                                  "available."),
    "processor-own-purposes": ("The notice calls {name!r} a {role}, yet says it uses the data for its own purposes "
                               "({uses:;}); for those uses it acts as a controller."),
    "storage-denied": ("The notice says {name!r} does not process the data ({description}), yet the data are stored "
                       "with it; storing personal data is processing."),
    "controller-called-processor": ("The notice calls {name!r} {roles:and} of the processing it describes; a controller "
                                    "is not the processor of its own processing."),
    # -- checks/cookies.py
    "topic-terminal-equipment": "storing or reading information on a user's device (art. 5(3) of Directive 2002/58/EC)",
    "unchecked-trackers": ("whether these trackers (marketing, tracking, social-media or unclassified) may be placed "
                           "without consent"),
    "unchecked-tracker": "whether {tracker} may be placed without consent",
    "tracker": "{name!r} ({category} {type})",
    "tracker-of": "{name!r} ({category} {type} of {provider!r})",
    "cookie-category.strictly_necessary": "strictly necessary", "cookie-category.functional": "functional",
    "cookie-category.analytics": "analytics", "cookie-category.marketing": "marketing",
    "cookie-category.tracking": "tracking", "cookie-category.social_media": "social media",
    "cookie-category.unclassified": "unclassified",
    "cookie-type.cookie": "cookie", "cookie-type.pixel": "pixel", "cookie-type.local_storage": "local storage",
    "cookie-type.sdk": "sdk", "cookie-type.script": "script", "cookie-type.embed": "embed",
    "trackers-no-consent": ("These trackers (marketing, tracking, social-media or unclassified) are placed without "
                            "asking the visitor's consent, which {law} requires{caveat}."),
    "trackers-opt-out": ("These trackers (marketing, tracking, social-media or unclassified) are placed unless the "
                         "visitor refuses them in the browser settings; a browser opt-out is not consent, which {law} "
                         "requires{caveat}."),
    "trackers-consent-unstated": ("The notice does not say whether consent is asked before these trackers (marketing, "
                                  "tracking, social-media or unclassified) are placed, which {law} requires{caveat}."),
    "analytics-exemption": "that is lawful under {law} only if {exemption}",
    "analytics-no-exemption": "{law} exempts no analytics from consent{caveat}",
    "analytics-no-consent": "{tracker} is placed without consent; {condition}.",
    "analytics-opt-out": ("{tracker} is placed unless the visitor refuses it in the browser settings, which is not "
                          "consent; {condition}."),
    "analytics-consent-unstated": ("The notice does not say whether consent is asked before {tracker} is placed; without "
                                   "consent, {condition}."),
    # -- checks/decisions.py
    "automated-decision": "an automated {kind} with {effect} effects",
    "decision.decision": "decision", "decision.scoring": "scoring", "decision.matching": "matching",
    "decision.ranking": "ranking", "decision.recommendation": "recommendation",
    "effect.legal": "legal", "effect.similarly_significant": "similarly significant", "effect.none": "none",
    "rests-on": "rests on {basis}",
    "rests-on-nothing": "rests on no stated basis",
    "decision-no-exception": "{name!r} involves {what}, and {rests}, which is none of the exceptions of Art. 22(2).",
    "decision-consent-not-explicit": ("{name!r} involves an automated decision on consent; Art. 22(2)(c) requires the "
                                      "consent to be explicit, which the notice does not say."),
    "decisions-denied": "denies automated decisions",
    "decisions-unmentioned": "does not mention automated decisions",
    "decision-unstated": "{name!r} involves {what}, but the notice {said}.",
    "decisions-denied-adverse-only": ("The notice denies only automated decisions with adverse effects; it does not say "
                                      "whether other decisions with legal or similarly significant effects are "
                                      "automated."),
    # -- checks/claims.py
    "not-provided.observed": "observed", "not-provided.derived": "derived",
    "not-provided.third_party": "obtained from others", "not-provided.public": "obtained from public sources",
    "named-source": "{name!r} ({source})",
    "named-country": "{name!r} ({country})",
    "the-eea": "the EEA",
    "claim.only_functional_cookies": "it uses only functional cookies",
    "claim.data_stay_in": "the data stay in {area}",
    "claim.no_special_categories": "it processes no special categories of personal data",
    "claim.no_tracking": "it does not track visitors",
    "claim.only_provided_data": "it processes only the data the data subject provides",
    "claim-contradicted": "The notice says {said}, yet it also states: {found}.",
    "business.advertising": "advertising", "business.analytics": "analytics",
    "business.marketing_automation": "marketing automation",
    "essential-cookie-business": ("The notice calls {name!r} essential, but its provider {provider!r} is in the business "
                                  "of {kinds:and}, which no consent exemption covers."),
    # -- checks/notice_content.py
    "channel.email": "email", "channel.phone": "phone", "channel.postal": "postal", "channel.web_form": "web form",
    "channel.chat": "chat",
    "postal-address-missing": ("The notice gives contact details for {name!r} ({channels}) but no postal address where "
                               "it is established."),
    "registration-missing": "The notice gives no trade-register number for {name!r}.",
    "repealed.wbp": "the Wet bescherming persoonsgegevens (Wbp), which the Uitvoeringswet AVG repealed",
    "repealed.directive_95_46": "Directive 95/46/EC, which the GDPR repealed (Art. 94(1))",
    "repealed-law-cited": "The notice cites {law} with effect from 25 May 2018.",
    "provision-requirement": "whether providing the data is a statutory or contractual requirement",
    "provision-consequences": "what follows from not providing them",
    "provision-other-data": "anything about the other data collected from the data subject",
    "provision-statement-incomplete": "The notice's statement on providing data does not say {missing:each_or}.",
    "source-unnamed-third_party": ("The notice says {name!r} may be obtained from others, but does not say from which "
                                   "source."),
    "source-unnamed-public": ("The notice says {name!r} may be obtained from public sources, but does not say from "
                              "which source."),
    # -- checks/provenance.py
    "quote-not-found": "The quote \u201c{quote}\u201d ({section}) is not in the notice.",
    "unreviewed-draft": ("This declaration is an unreviewed draft ({draft}); its findings rest on a program's reading "
                         "of the notice."),
    # -- checks/retention_limits.py
    "kept-for": "for {period}",
    "kept-forever": "with no end",
    "reactivation-copy": ("A copy of the data of {name!r} is kept {kept} in case the data subject wants the cancelled "
                          "account back; pac accepts a grace period of up to {grace}."),
    # -- checks/transparency.py
    "portability-cannot-arise": "none of the purposes it states rests on consent or a contract (Art. 20(1)(a))",
    "objection-cannot-arise": ("none of the purposes it states rests on public task or legitimate interests, or is "
                               "direct marketing (Art. 21(1) and (2))"),
    "controller-unstated": "The notice does not say who the controller is.",
    "controller-unnamed": "The notice does not name the controller.",
    "controller-contact-missing": "The notice gives no contact details for {name!r}.",
    "representative-missing": ("{name!r} is established in {country}, outside the EEA, and the notice names no "
                               "representative in the Union."),
    "representative-if-targeting-union": ("{name!r} is established in {country}, under the {statute}. The EU GDPR "
                                          "applies to it only where it offers goods or services to people in the "
                                          "Union or monitors their behaviour there (GDPR Art. 3(2)), which the "
                                          "declaration does not show; only then must it designate a representative "
                                          "in the Union (GDPR Art. 27(1)), whom the notice would name."),
    "dpo-contact-missing": ("The notice says a data protection officer is designated, but gives no contact details for "
                            "the officer."),
    "dpo-contact-missing-named": ("The notice says a data protection officer ({name!r}) is designated, but gives no "
                                  "contact details for the officer."),
    "dpo-sensitive-large": ("The service itself uses special-category or criminal-offence data ({names!r}) on a large "
                            "scale, as the notice says, and no data protection officer is designated."),
    "dpo-sensitive-scale-unknown": ("The service itself uses special-category or criminal-offence data ({names!r}), no "
                                    "data protection officer is designated, and the notice does not show whether this "
                                    "is on a large scale; one is required if it is a core activity on a large scale."),
    "dpo-monitoring-large": ("{names!r} monitors data subjects regularly and systematically on a large scale, as the "
                             "notice says, and no data protection officer is designated."),
    "dpo-profiling-scale-unknown": ("The notice says profiling takes place, no data protection officer is designated, "
                                    "and the notice does not show on what scale; one is required if regular and "
                                    "systematic monitoring on a large scale is a core activity."),
    "topic-dpo": "designating a data protection officer beyond GDPR Art. 37(1) (Art. 37(4))",
    "unchecked-dpo": "whether national law requires a data protection officer",
    "dpo-headcount-unstated": ("No data protection officer is designated, and the declaration does not say how many "
                               "persons are constantly engaged in automated processing of personal data; {law} "
                               "requires one from {threshold}{caveat}."),
    "dpo-headcount-reached": ("The notice says {count} persons are constantly engaged in automated processing of "
                              "personal data, and no data protection officer is designated; {law} requires one from "
                              "{threshold} on {on}{caveat}."),
    "the-right.access": "the right of access", "the-right.rectification": "the right to rectification",
    "the-right.erasure": "the right to erasure", "the-right.restriction": "the right to restriction of processing",
    "the-right.portability": "the right to data portability", "the-right.objection": "the right to object",
    "right-may-not-arise": "The notice does not state {right}; {reason}, so the right may not arise.",
    "rights-unstated": "The notice does not state {rights:or}.",
    "complaint-right-unstated": "The notice does not state the right to lodge a complaint with a supervisory authority.",
    "automated-decisions-unstated": ("The notice does not say whether decisions are taken by automated means, including "
                                     "profiling; it must where they are."),
    "decision-logic": "the logic involved",
    "decision-consequences": "their significance and envisaged consequences",
    "automated-decisions-unexplained": ("The notice says automated decisions are taken, but does not explain "
                                        "{missing:only_or}."),
    "provision-unstated": ("The notice does not say whether providing personal data is a statutory or contractual "
                           "requirement, or what happens if they are not provided."),
    "provision-unstated-marked": ("The notice does not say whether providing personal data is a statutory or "
                                  "contractual requirement, or what happens if they are not provided. It marks "
                                  "{names!r} as data that must be provided."),
    "consent-age": "the age of digital consent in {country} is {age}",
    "consent-age-law": "the age of digital consent in {country} is {age} ({law})",
    "consent-age-default": ("the controller's country is not stated, so the GDPR's age of digital consent, {age}, "
                            "applies"),
    "children-age-unstated": ("Processing rests on consent ({purposes!r}) and the declaration includes children "
                              "({groups!r}), but the notice says nothing about the age from which children may consent "
                              "or about parental consent; {context}."),
    "children-age-low": ("The notice processes children's data without a parent's consent from the age of {age}, and "
                         "processing rests on consent ({purposes!r}); {context}."),
    "response-minimum-only": "The notice gives at least {period} to answer a request, with no maximum.",
    "response-too-long-answer": "The notice takes {period} to answer a request; Art. 12(3) allows {limit}.",
    "response-too-long-extend": "The notice takes {period} to extend that period; Art. 12(3) allows {limit}.",
    "response-sometimes-too-long-answer": ("The notice takes {period} to answer a request; for some dates of receipt "
                                           "this runs past the {limit} Art. 12(3) allows."),
    "response-sometimes-too-long-extend": ("The notice takes {period} to extend that period; for some dates of receipt "
                                           "this runs past the {limit} Art. 12(3) allows."),
    "notice-undated": "The notice is undated: it does not say when it was last updated.",
    "notice-review-due": "The notice was last updated on {updated}; its review was due by {due} (review period {review}).",
    # -- pac.model: a retention rule in words (Retention.describe)
    "kept": "kept {limit}{period}",
    "kept-after": "kept {limit}{period} after {event}",
    "kept-until": "kept until {event}",
    "kept-vague": "kept {vague}",
    "kept-described": "{rule} ({description})",
    "limit.exactly": "", "limit.at_most": "at most ", "limit.at_least": "at least ",
    "event-described": "an event described as {description!r}",
    "event-other": "another event",
    "event.collection": "collection", "event.creation": "creation", "event.contract_end": "the end of the contract",
    "event.account_deletion": "account deletion", "event.consent_withdrawal": "withdrawal of consent",
    "event.unsubscription": "unsubscription", "event.request_closed": "the request is handled",
    "event.incident_closed": "the incident is handled", "event.end_of_financial_year": "the end of the financial year",
    "event.end_of_employment": "the end of employment", "event.last_change": "the last change",
    "event.session_end": "the end of the session", "event.erasure_request": "a request for erasure",
    # -- pac.records: why a purpose's data are taken to be statutory records
    "records-because": " (treated as such records because {reason}; set record_types to override)",
    "records-statute-named": "the notice names {statute!r} for {name!r}",
    "records-kind-words": "{name!r} is a {kind} purpose and its declaration says {words!r}",
    "kind.service_delivery": "service delivery", "kind.account_management": "account management",
    "kind.support": "support", "kind.billing": "billing", "kind.legal_compliance": "legal compliance",
    "kind.direct_marketing": "direct marketing", "kind.advertising": "advertising", "kind.analytics": "analytics",
    "kind.service_improvement": "service improvement", "kind.ai_training": "ai training", "kind.security": "security",
    "kind.fraud_prevention": "fraud prevention", "kind.communication": "communication", "kind.research": "research",
    "kind.recruitment": "recruitment", "kind.employment": "employment", "kind.publication": "publication",
    "kind.other": "other",
    # -- checks/retention.py
    "only-data": " ({names})",
    "only-purposes": " for {names!r}{data}",
    "rule-unverified": "pac's reference data mark this rule unverified",
    "rule-other-country": "the rule is for {country} and the controller's country is {home}",
    "rule-other-country-unstated": "the rule is for {country} and the controller's country is not stated",
    "caveats": "{message} ({caveats:;}).",
    "sentence": "{message}.",
    "retention-missing-activity": "The notice states no retention period or criteria for any data of {name!r}.",
    "retention-missing": "The notice states no retention period or criteria for {name!r}{part}.",
    "retention-vague": ("The notice says only {vague!r} about how long these data are kept: neither a period nor "
                        "criteria to determine it."),
    "retention-below-minimum": ("{name!r} is {rule}: shorter than the {minimum} minimum of {statute} for "
                                "{record!r}{because}"),
    "retention-below-minimum-promised": ("{name!r} is only promised to be {rule}: shorter than the {minimum} minimum of "
                                         "{statute} for {record!r}{because}"),
    "says-only": "; it says only: {rules:;}",
    "statutory-retention-missing": ("{name!r}{part} holds records that {statute} requires to be kept at least {minimum} "
                                    "({record}), but the notice states no retention period for them{stated}{because}"),
    "retention-above-guidance": ("{name!r} is {rule}: longer than the {maximum} that {authority} recommends for "
                                 "{record!r}{because}"),
    "retention-above-guidance-consent": ("{name!r} is {rule}: longer than the {maximum} that {authority} recommends with "
                                         "the data subject's consent for {record!r}{because}"),
    "retention-unbounded": "The data of {name!r}{scope} are {rule}, and the notice sets no maximum.",
    "retention-unbounded-subject": ("The data of {name!r}{scope} are {rule}, which only the data subject brings about, "
                                    "and the notice sets no maximum."),
    "consent-retention-outlasts": ("{name!r} rests on consent, but its data are {rule}, which outlasts the withdrawal of "
                                   "consent."),
    "consent-retention-not-ended": ("{name!r} rests on consent, but its data are {rule}, which does not end when consent "
                                    "is withdrawn."),
    "retention-incompatible": ("{name!r} states incompatible retention periods for the same data of {names!r}: {first}, "
                               "and {second}."),
    "retention-start-missing": ("The notice says the data of {name!r}{scope} are {rule}, without saying from which event "
                                "that period runs."),
    # -- pac.engine: notes on an organisation's run
    "note.waiver-expired": "waiver of {check} ({subject}) expired on {expires} and no longer applies ({location})",
    "note.waiver-unused": "waiver of {check} ({subject}) matched no finding ({location})",
    "note.all-subjects": "all subjects",
    "note.notice-unavailable": ("the notice text {path} is not available (not a readable regular file within the size "
                                "limit), so the quotes were not checked against it"),
}

_NL: dict[str, Any] = {
    "_joins": {"": (", ", ", "), "or": (", ", " of "), "and": (" en ", " en "), ";": ("; ", "; "),
               "each_or": (", of ", ", of "), "only_or": (" of ", " of "), "->": (" -> ", " -> "),
               "list_and": (", ", " en ")},
    # -- transfer verdicts (pac.transfers)
    "verdict.country-unknown": "de verklaring vermeldt niet in welk land de ontvanger de gegevens verwerkt",
    "verdict.in-eea": "{country} ligt op {on} in de EER",
    "verdict.adequate-unclaimed": ("{decision} (adequaatheidsbesluit) dekt {where} op {on}, zonder dat daarop een beroep "
                                   "hoeft te worden gedaan (art. 45 lid 1 AVG)"),
    "verdict.no-tool": "persoonsgegevens gaan naar {where}, buiten {area}, en er is geen doorgifte-instrument vermeld",
    "verdict.unnamed-country": "een derde land dat de privacyverklaring niet noemt",
    "verdict.at-home": "{country} ligt op {on} in {area}",
    "verdict.adequate-unclaimed-national": ("{decision} (adequaatheidsregeling onder de {statute}, {approval}) dekt "
                                            "{where} op {on}, zonder dat daarop een beroep hoeft te worden gedaan"),
    "verdict.adequate-unclaimed-unverified": ("{decision} (adequaatheidsregeling onder de {statute}, {approval}) dekt "
                                              "mogelijk {where} op {on}, maar de referentiegegevens van pac merken dat "
                                              "aan als niet geverifieerd"),
    "verdict.no-adequacy-national": "geen adequaatheidsregeling onder de {statute} ({approval}) dekt {where}",
    "verdict.dpf-not-listed-national": ("{name!r} staat niet op de Data Privacy Framework List die pac heeft gekregen, "
                                        "en {decision} dekt alleen organisaties die volgens die lijst deelnemen aan de "
                                        "UK Extension"),
    "verdict.dpf-claimed-national": ("de deelname van de ontvanger aan de UK Extension van het Data Privacy Framework "
                                     "wordt gesteld, maar is niet geverifieerd: {why}; {decision} dekt alleen "
                                     "organisaties die volgens de Data Privacy Framework List daaraan deelnemen"),
    "verdict.dpf-not-established-national": ("de deelname van de ontvanger aan de UK Extension van het Data Privacy "
                                             "Framework staat niet vast: {why}; {decision} dekt alleen organisaties die "
                                             "volgens de Data Privacy Framework List daaraan deelnemen"),
    "verdict.not-a-tool-national": ("{tool} is geen doorgifte-instrument; de {statute} vereist een "
                                    "adequaatheidsregeling ({approval}), passende waarborgen ({safeguards}) of een "
                                    "afwijking ({derogations})"),
    "verdict.derogation-national": ("{article} is een afwijking voor specifieke situaties; de verklaring toont niet aan "
                                    "dat aan de voorwaarden daarvan voor deze doorgiften is voldaan"),
    "verdict.needs-authorisation-national": ("{tool} vereisen een vergunning van de toezichthoudende autoriteit (art. "
                                             "46 lid 3 {statute}); de verklaring vermeldt niet dat die is verleend"),
    "verdict.tool-not-yet": "{tool} gelden vanaf {start}",
    "verdict.scc-superseded-national": ("onder de {statute} dragen {clauses} een doorgifte alleen in een overeenkomst "
                                        "die uiterlijk op {cutoff} is gesloten, voor ongewijzigde verwerkingen, en "
                                        "alleen tot {until}"),
    "verdict.scc-kept-unestablished-national": ("onder de {statute} dragen {clauses} een doorgifte tot {until} alleen "
                                                "in een overeenkomst die uiterlijk op {cutoff} is gesloten, voor "
                                                "ongewijzigde verwerkingen, wat de verklaring niet aantoont"),
    "verdict.scc-kept-national": ("onder de {statute} dragen {clauses} een doorgifte tot {until} in deze overeenkomst, "
                                  "gesloten uiterlijk op {cutoff}, voor ongewijzigde verwerkingen"),
    "verdict.scc-addendum-not-yet": ("onder de {statute} dragen de standaardbepalingen van de Commissie van 2021 een "
                                     "doorgifte alleen met het UK Addendum van de Information Commissioner (DPA 2018 "
                                     "s.119A), dat geldt vanaf {start}"),
    "verdict.scc-addendum": ("onder de {statute} dragen de standaardbepalingen van de Commissie een doorgifte alleen "
                             "met het UK Addendum van de Information Commissioner (DPA 2018 s.119A; of in plaats "
                             "daarvan de IDTA), en de verklaring vermeldt niet dat dat wordt gebruikt"),
    "verdict.destination": "{where}",
    "verdict.destination-for": "{where}, voor {relation}",
    "verdict.adequacy-unnamed-country": ("de privacyverklaring noemt het derde land niet, dus of een adequaatheidsbesluit "
                                         "het dekt, valt niet vast te stellen"),
    "verdict.adequacy-other-country": "{decision} dekt alleen doorgiften naar {country}, niet naar {where}",
    "verdict.adequacy-scope-denied": ("volgens de verklaring valt {name!r} buiten de reikwijdte van het "
                                      "adequaatheidsbesluit voor {where} ({decision}: {scope}; niet vervuld: {denied})"),
    "verdict.dpf-not-listed": ("{name!r} staat niet op de Data Privacy Framework List die pac heeft gekregen, en het "
                               "adequaatheidsbesluit voor de Verenigde Staten dekt alleen organisaties op die lijst"),
    "verdict.dpf-claimed": ("de certificering van de ontvanger onder het Data Privacy Framework wordt gesteld, maar is "
                            "niet geverifieerd: {why}; {decision} dekt alleen organisaties op de Data Privacy Framework "
                            "List"),
    "verdict.dpf-not-established": ("de certificering van de ontvanger onder het Data Privacy Framework staat niet vast: "
                                    "{why}; {decision} dekt alleen organisaties op de Data Privacy Framework List"),
    "verdict.adequacy-limited": ("het adequaatheidsbesluit voor {where} ({decision}) heeft een beperkte reikwijdte "
                                 "({scope}); de verklaring toont niet aan dat de ontvanger daaronder valt ({missing})"),
    "verdict.adequacy-covers": "{decision} (adequaatheidsbesluit) dekt {where} op {on}",
    "verdict.dpf-lapsed": ("de vastgelegde vermelding op de lijst is gezien op {seen}, meer dan een jaar vóór {on}, en "
                           "de certificering vervalt zonder jaarlijkse hercertificering"),
    "verdict.dpf-seen-later": "de vastgelegde vermelding op de lijst is pas na {on} gezien",
    "verdict.dpf-undated": "de verklaring stelt dit zonder de datum waarop de vermelding op de lijst is gezien",
    "verdict.dpf-no-list": ("pac heeft geen Data Privacy Framework List gekregen en de verklaring legt geen gedateerde "
                            "vermelding op de lijst vast"),
    "verdict.no-adequacy": "geen adequaatheidsbesluit dekt {where}",
    "verdict.no-adequacy-invalidated": "geen adequaatheidsbesluit dekt {where} op {on}: {why}",
    "verdict.applies-from": "{decision} geldt vanaf {start}",
    "verdict.applies-from-to": "{decision} geldt van {start} tot {end}",
    "verdict.no-adequacy-on": "geen adequaatheidsbesluit dekt {where} op {on}: {applies}",
    "verdict.no-adequacy-on-unverified": ("geen adequaatheidsbesluit dekt {where} op {on}: {applies}, een datum die de "
                                          "referentiegegevens van pac als niet geverifieerd aanmerken"),
    "verdict.covered-other-country": "{decision} dekte alleen doorgiften naar {country}",
    "verdict.invalidated-in-force": ("{decision} is van kracht op {on} (voor de organisaties die eronder zijn "
                                     "gecertificeerd)"),
    "verdict.not-a-tool": ("{tool} is geen doorgifte-instrument; hoofdstuk V vereist een adequaatheidsbesluit (art. 45 "
                           "AVG), passende waarborgen (art. 46 AVG) of een afwijking (art. 49 AVG)"),
    "verdict.derogation": ("{article} is een afwijking voor specifieke situaties, die restrictief moet worden uitgelegd "
                           "en alleen mag dienen voor incidentele doorgiften, niet voor stelselmatige of herhaalde "
                           "(EDPB-richtsnoeren 2/2018); de verklaring toont niet aan dat deze doorgiften incidenteel zijn"),
    "verdict.needs-authorisation": ("{tool} vereisen een vergunning van de toezichthoudende autoriteit (art. 46 lid 3 "
                                    "AVG); de verklaring vermeldt niet dat die is verleend"),
    "verdict.instrument": "{tool} ({article})",
    "verdict.scc-any": ("op {on} kon elke set van kracht zijnde standaardbepalingen inzake gegevensbescherming worden "
                        "gebruikt"),
    "verdict.scc-unnamed": ("de privacyverklaring vermeldt niet welke standaardbepalingen inzake gegevensbescherming "
                            "worden gebruikt; op {on} zijn alleen die van {decision} in elke overeenkomst geldig"),
    "verdict.scc-clauses": "de standaardbepalingen inzake gegevensbescherming van {decision}",
    "verdict.scc-valid": "{clauses} zijn geldig op {on}",
    "verdict.scc-transition": ("{clauses} blijven tot {until} geldig in deze overeenkomst, gesloten op {concluded}, "
                               "voor verwerkingen die volgens de privacyverklaring ongewijzigd zijn ({article})"),
    "verdict.scc-changed": ("{clauses} bleven na {cutoff} alleen geldig voor ongewijzigde verwerkingen ({article}), en "
                            "volgens de verklaring is de verwerking gewijzigd"),
    "verdict.scc-missing-unchanged": "dat de verwerking ongewijzigd is",
    "verdict.scc-missing-concluded": "dat de overeenkomst uiterlijk op {cutoff} is gesloten en de verwerking ongewijzigd is",
    "verdict.scc-old": ("op {on} zijn {clauses} alleen geldig in overeenkomsten die uiterlijk op {cutoff} zijn gesloten, "
                        "tot {until}, en alleen zolang de verwerkingen ongewijzigd blijven ({article}); de verklaring "
                        "toont niet aan {missing}"),
    "verdict.scc-not-yet": "{clauses} gelden vanaf {start}",
    "verdict.scc-too-late": ("{clauses} konden niet worden gebruikt in overeenkomsten die na {cutoff} zijn gesloten "
                             "({article}); deze is gesloten op {concluded}"),
    "verdict.scc-repealed": ("{clauses} zijn ingetrokken; overeenkomsten die uiterlijk op {cutoff} zijn gesloten, konden "
                             "er tot {until} op steunen ({article})"),
    "verdict.invalidated": "{decision} is op {on} ongeldig verklaard door het Hof van Justitie: {judgment}",
    "relation.storage": "opslag", "relation.processing": "verwerking", "relation.parent": "het moederbedrijf",
    "relation.support": "ondersteuning", "relation.access": "toegang",
    # -- checks/transfers.py
    "route-more": "... (nog {n})",
    "transfer-no-tool": "{where}, en de privacyverklaring vermeldt daarvoor geen doorgifte-instrument.",
    "transfer-tool-invalid": ("{where}. Opgegeven doorgifte-instrument: {tool}; dat draagt de doorgifte niet: "
                              "{reason}."),
    "transfer-tool-invalid-general": ("{where}. Opgegeven doorgifte-instrument: {tool} (vermeld voor doorgiften in het "
                                      "algemeen); dat draagt de doorgifte niet: {reason}."),
    "transfer-tool-unverified": ("{where}. Opgegeven doorgifte-instrument: {tool}; dat draagt de doorgifte alleen onder "
                                 "een voorwaarde die de verklaring niet aantoont: {reason}."),
    "transfer-tool-unverified-general": ("{where}. Opgegeven doorgifte-instrument: {tool} (vermeld voor doorgiften in het "
                                         "algemeen); dat draagt de doorgifte alleen onder een voorwaarde die de "
                                         "verklaring niet aantoont: {reason}."),
    "transfer-tool-nowhere": ("De privacyverklaring noemt voor {name!r} een doorgifte-instrument dat geen enkele "
                              "doorgifte draagt, waar de gegevens ook heen gaan. Opgegeven doorgifte-instrument: {tool}; "
                              "{reason}."),
    "transfer-adequacy-unmentioned": ("Persoonsgegevens gaan naar {name!r} in {country}, buiten de EER: {reason}, maar "
                                      "de privacyverklaring vermeldt het adequaatheidsbesluit niet."),
    "transfer-to-recipients": "Persoonsgegevens gaan naar ontvangers in {where}, buiten {area}",
    "transfer-adequacy-unmentioned-national": ("Persoonsgegevens gaan naar {name!r} in {country}, buiten {area}: "
                                               "{reason}, maar de privacyverklaring vermeldt de adequaatheidsregeling "
                                               "niet."),
    "transfer-adequacy-unverified": "{where}: {reason}.",
    "recipient-country-outside-eea-national": ("Volgens de privacyverklaring gaan de gegevens van deze ontvangers "
                                               "buiten {area}, zonder dat het land wordt genoemd; of een "
                                               "adequaatheidsregeling dat land dekt, wat de privacyverklaring moet "
                                               "vermelden (art. 13 lid 1 sub f {statute}), valt daardoor niet te "
                                               "beoordelen."),
    "recipient-country-unknown-national": ("De verklaring vermeldt niet in welk land deze ontvangers de gegevens "
                                           "verwerken; of de gegevens {area} verlaten (waarvoor een "
                                           "doorgifte-instrument nodig is, {principle}) en of de "
                                           "privacyverklaring dat moest vermelden (art. 13 lid 1 sub f {statute}), valt "
                                           "daardoor niet te beoordelen."),
    "transfer-to": "Persoonsgegevens gaan naar {name!r} in {where}, buiten {area}",
    "onward-transfer": ("Persoonsgegevens bereiken {name!r} in {country} via {route:->}, doorgegeven door {parent!r} "
                        "({parent_country})"),
    "recipient-country-outside-eea": ("Volgens de privacyverklaring gaan de gegevens van deze ontvangers buiten de EER, "
                                      "zonder dat het land wordt genoemd; of een adequaatheidsbesluit dat land dekt, wat "
                                      "de privacyverklaring moet vermelden (art. 13 lid 1 sub f AVG), valt daardoor niet "
                                      "te beoordelen."),
    "recipient-country-known-entity": ("De verklaring vermeldt niet in welk land deze ontvangers de gegevens verwerken, "
                                       "terwijl openbare bronnen de entiteit noemen die gebruikers in de EU bedient, en "
                                       "haar vestigingsplaats (de referentiegegevens van pac over bekende ontvangers); "
                                       "leg dat land vast als openbaar feit met de bron, zodat de doorgifte (art. 44 "
                                       "AVG) en de plicht van de privacyverklaring om die te vermelden (art. 13 lid 1 "
                                       "sub f AVG) te beoordelen zijn."),
    "recipient-country-unknown": ("De verklaring vermeldt niet in welk land deze ontvangers de gegevens verwerken; of de "
                                  "gegevens de EER verlaten (waarvoor een doorgifte-instrument nodig is, art. 44 AVG) "
                                  "en of de privacyverklaring dat moest vermelden (art. 13 lid 1 sub f AVG), valt "
                                  "daardoor niet te beoordelen."),
    "general-transfer-tool-invalid": ("De privacyverklaring noemt voor doorgiften buiten {area} een waarborg die geen "
                                      "enkele doorgifte draagt. Opgegeven doorgifte-instrument: {tool}; {reason}."),
    "scope-transfers": "doorgiften buiten {area}",
    "scope-transfers-to": "doorgiften aan {name!r}",
    "safeguard-copy-missing": ("De privacyverklaring vermeldt niet hoe een kopie kan worden verkregen van de waarborg "
                               "waarop zij zich voor {scope} beroept, of waar die beschikbaar is. Opgegeven "
                               "doorgifte-instrument: {tool}."),
    "scc-module-mismatch": ("De privacyverklaring noemt voor {name!r}, een {role}, module {module} ({label}) van de "
                            "standaardbepalingen inzake gegevensbescherming; een doorgifte aan een {role} gebruikt "
                            "module {expected} ({expected_label})."),
    "scc-module.1": "verwerkingsverantwoordelijke aan verwerkingsverantwoordelijke",
    "scc-module.2": "verwerkingsverantwoordelijke aan verwerker",
    "scc-module.3": "verwerker aan (sub)verwerker", "scc-module.4": "verwerker aan verwerkingsverantwoordelijke",
    "role.processor": "verwerker", "role.sub_processor": "subverwerker",
    "role.joint_controller": "gezamenlijke verwerkingsverantwoordelijke", "role.controller": "verwerkingsverantwoordelijke",
    "role.public_authority": "overheidsinstantie", "role.recipient": "ontvanger",
    # -- pac.checking (what every check may say)
    "list": "{items}",
    "named-special": "{name!r} ({label})",
    "unstated-controller-country": "het land van de verwerkingsverantwoordelijke, dat de verklaring niet vermeldt",
    "no-national-rule": ("pac heeft geen regel uit het recht van {where} over {what} die op {on} van kracht is; "
                         "{unchecked} is daarom niet aan het nationale recht getoetst."),
    # -- checks/accountability.py
    "ap-dpia-list.genetic_data": "grootschalige verwerking of stelselmatige monitoring van genetische gegevens",
    "ap-dpia-list.health": "grootschalige verwerking van gezondheidsgegevens",
    "ap-dpia-list.biometric_for_unique_identification": ("grootschalige verwerking of stelselmatige monitoring van "
                                                         "biometrische gegevens om een persoon te identificeren"),
    "ap-dpia-list.black_lists": ("verwerking van gegevens over strafrechtelijke veroordelingen en strafbare feiten die "
                                 "met derden worden gedeeld (zwarte lijsten)"),
    "processor-unnamed": "De privacyverklaring noemt {name!r} niet bij naam en zegt ook niet welke dienst deze verleent.",
    "processor-agreement-unstated": ("De privacyverklaring vermeldt niet dat er met {name!r} een verwerkersovereenkomst "
                                     "is gesloten."),
    "processor-agreement-absent": "Volgens de privacyverklaring is er met {name!r} geen verwerkersovereenkomst.",
    "roles-differ": "{name!r} is hier vastgelegd als {role} en in {at} als {earlier}.",
    "controller-own-recipient": ("De verwerkingsverantwoordelijke {name!r} is vastgelegd als een van haar eigen "
                                 "ontvangers, als {role}."),
    "data-subjects-unprocessed": ("De privacyverklaring noemt {name!r} als betrokkenen, maar beschrijft geen verwerking "
                                  "van hun gegevens."),
    "data-category-unused": "De privacyverklaring noemt {name!r}, maar geen verwerking die deze gegevens gebruikt.",
    "named-criminal": "{name!r} (gegevens over strafbare feiten)",
    "dpia-on-list": " De DPIA-lijst van de Autoriteit Persoonsgegevens omvat {covered:;}.",
    "dpia-not-conducted": "vermeldt dat geen DPIA is uitgevoerd",
    "dpia-unmentioned": "vermeldt geen DPIA",
    "dpia-large-scale": ("{name!r} gebruikt {uses} op grote schaal, zoals de privacyverklaring zegt, en de "
                         "privacyverklaring {said}; art. 35 lid 3 sub b AVG vereist er een.{on_list}"),
    "dpia-listed": "{name!r} gebruikt {uses}, en de privacyverklaring {said}.{on_list}",
    "dpia-scale-unknown": ("{name!r} gebruikt {uses}, en de privacyverklaring laat niet zien of dat op grote schaal "
                           "gebeurt; art. 35 lid 3 sub b AVG vereist een DPIA als dat zo is."),
    # -- checks/special_categories.py, sensitive_context.py
    "special-condition-missing": ("De privacyverklaring vermeldt geen voorwaarde van art. 9 lid 2 AVG die het verbod "
                                  "opheft op de verwerking van {names}, die deze doeleinden gebruiken."),
    "special-condition-missing-anonymised": ("De privacyverklaring vermeldt geen voorwaarde van art. 9 lid 2 AVG die "
                                             "het verbod opheft op de verwerking van {names}, die deze doeleinden "
                                             "gebruiken. Volgens de privacyverklaring worden de gegevens voor dit doel "
                                             "geanonimiseerd; het anonimiseren is zelf een verwerking van de "
                                             "bijzondere persoonsgegevens, en of het resultaat anoniem is, laat de "
                                             "verklaring niet zien."),
    "special-condition-missing-aggregated": ("De privacyverklaring vermeldt geen voorwaarde van art. 9 lid 2 AVG die "
                                             "het verbod opheft op de verwerking van {names}, die deze doeleinden "
                                             "gebruiken. Volgens de privacyverklaring worden de gegevens voor dit doel "
                                             "geaggregeerd; het aggregeren is zelf een verwerking van de bijzondere "
                                             "persoonsgegevens, en of het resultaat anoniem is, laat de verklaring niet "
                                             "zien."),
    "criminal-law-missing": ("{name!r} gebruikt {names!r} (persoonsgegevens betreffende strafrechtelijke "
                             "veroordelingen en strafbare feiten), maar de privacyverklaring noemt geen wet die deze "
                             "verwerking toestaat."),
    "context-reveals": ("De context van {name!r} kan {label} onthullen, maar de privacyverklaring vermeldt voor "
                        "{purposes!r} geen voorwaarde van art. 9 lid 2 AVG."),
    "context-reveals-denied": ("De context van {name!r} kan {label} onthullen, maar de privacyverklaring vermeldt voor "
                               "{purposes!r} geen voorwaarde van art. 9 lid 2 AVG. Volgens de privacyverklaring "
                               "worden geen bijzondere persoonsgegevens verwerkt."),
    # -- checks/rights.py
    "right-condition.complaint-after-talks": ("De privacyverklaring stelt het recht om een klacht in te dienen bij de "
                                              "toezichthoudende autoriteit voor als pas beschikbaar nadat overleg met de "
                                              "verwerkingsverantwoordelijke is mislukt; art. 77 lid 1 AVG geeft elke "
                                              "betrokkene dat recht zonder die voorwaarde."),
    "right-condition.erasure-after-contract": ("De privacyverklaring staat wissing pas toe als de overeenkomst is "
                                               "beëindigd; de gronden van art. 17 lid 1 AVG, zoals ingetrokken "
                                               "toestemming, bezwaar of onrechtmatige verwerking, kunnen zich voordoen "
                                               "terwijl zij nog loopt."),
    "right-condition.erasure-limited-grounds": ("De privacyverklaring staat wissing alleen toe op enkele van de gronden "
                                                "van art. 17 lid 1 AVG; het recht ontstaat op elk van die gronden, "
                                                "waaronder ingetrokken toestemming, bezwaar en onrechtmatige "
                                                "verwerking."),
    "right-condition.access-must-specify": ("De privacyverklaring eist dat een verzoek om inzage vermeldt op welke "
                                            "gegevens het betrekking heeft; het recht omvat alle gegevens van de "
                                            "verzoeker (art. 15 lid 1 AVG), en een verwerkingsverantwoordelijke mag "
                                            "alleen om specificatie vragen als zij een grote hoeveelheid gegevens "
                                            "verwerkt (overweging 63), nooit als voorwaarde."),
    "right-condition.after-contract": ("De privacyverklaring staat het {right} pas toe als de overeenkomst is "
                                       "beëindigd; de AVG verbindt geen zulke voorwaarde aan dat recht."),
    "right-condition.in-writing": ("De privacyverklaring aanvaardt voor het {right} alleen een schriftelijk verzoek; de "
                                   "verwerkingsverantwoordelijke moet de uitoefening van rechten faciliteren (art. 12 "
                                   "lid 2 AVG) en een verzoek is niet aan een bepaalde vorm gebonden."),
    "right-condition.fee": ("De privacyverklaring rekent een vergoeding voor het {right}; verzoeken zijn kosteloos, "
                            "tenzij zij kennelijk ongegrond of buitensporig zijn (art. 12 lid 5 AVG), en alleen voor "
                            "aanvullende kopieën mag een vergoeding worden gevraagd (art. 15 lid 3 AVG)."),
    "right.access": "recht van inzage", "right.rectification": "recht op rectificatie",
    "right.erasure": "recht op gegevenswissing", "right.restriction": "recht op beperking",
    "right.portability": "recht op overdraagbaarheid van gegevens", "right.objection": "recht van bezwaar",
    "right.no_automated_decision": "recht niet te worden onderworpen aan geautomatiseerde besluitvorming",
    "right.withdraw_consent": "recht om toestemming in te trekken", "right.complaint": "recht om een klacht in te dienen",
    # -- pac.reference (national rules)
    "caveat-unverified": " (de referentiegegevens van pac merken deze regel aan als niet geverifieerd)",
    # -- checks/flows.py
    "special-transfer-valid": ("Bijzondere persoonsgegevens ({categories}) gaan naar {name!r} in {country}, buiten "
                               "{area}, op een doorgifte-instrument dat pac geldig acht."),
    "special-transfer-unverified": ("Bijzondere persoonsgegevens ({categories}) gaan naar {name!r} in {country}, buiten "
                                    "{area}, op een doorgifte-instrument dat alleen geldig is onder een voorwaarde die "
                                    "de verklaring niet aantoont."),
    "special-transfer-invalid": ("Bijzondere persoonsgegevens ({categories}) gaan naar {name!r} in {country}, buiten "
                                 "{area}, zonder geldig doorgifte-instrument."),
    "sub-processor-agreement-unstated": ("{name!r} werkt als subverwerker onder {parent!r}, en de privacyverklaring "
                                         "vermeldt niet dat {parent!r} gebonden is aan een verwerkersovereenkomst "
                                         "waarvan zij de verplichtingen aan {name!r} moet opleggen."),
    "sub-processor-agreement-absent": ("{name!r} werkt als subverwerker onder {parent!r}, die volgens de "
                                       "privacyverklaring geen verwerkersovereenkomst heeft: er zijn geen "
                                       "verplichtingen uit art. 28 lid 3 AVG om aan {name!r} op te leggen."),
    "recipient-data-unused-activities": ("{name!r} ontvangt {unused}, die geen doel van haar activiteiten gebruikt."),
    "recipient-data-unused-notice": "{name!r} ontvangt {unused}, die geen doel van de privacyverklaring gebruikt.",
    "recipient-data-unlinked": ("De verklaring vermeldt niet welke persoonsgegevens deze ontvangers krijgen: zij "
                                "koppelt hen aan geen enkele activiteit en geen enkele categorie gegevens."),
    # -- checks/lawfulness.py
    "basis.consent": "toestemming", "basis.contract": "overeenkomst", "basis.legal_obligation": "wettelijke verplichting",
    "basis.vital_interests": "vitale belangen", "basis.public_task": "taak van algemeen belang",
    "basis.legitimate_interests": "gerechtvaardigd belang",
    "legal-bases-collective": ("De privacyverklaring noemt {listed} als grondslagen, zonder te zeggen welk doel op welke "
                               "grondslag berust."),
    "legal-basis-missing": "De privacyverklaring vermeldt geen grondslag voor {name!r}.",
    "legitimate-interest-unnamed": ("{name!r} berust op een gerechtvaardigd belang, maar de privacyverklaring zegt niet "
                                    "welk belang."),
    "objection-unstated": ("De verwerking berust op {basis}, maar de privacyverklaring vermeldt geen recht om daartegen "
                           "bezwaar te maken."),
    "consent-withdrawal-missing": ("De verwerking berust op toestemming, maar de privacyverklaring geeft geen manier om "
                                   "die in te trekken."),
    "consent-bundled": ("Toestemming voor {name!r} wordt verkregen samen met het aanvaarden van de algemene voorwaarden, "
                        "en is dus niet afzonderlijk en niet vrijelijk gegeven."),
    "topic-email-marketing": "ongevraagde elektronische marketing (art. 13 van Richtlijn 2002/58/EG)",
    "unchecked-email-marketing": "of {name!r} mensen zonder hun toestemming mag e-mailen",
    "unidentified-customers": "mensen die de verklaring niet als klanten of abonnees aanmerkt",
    "email-marketing-no-consent": ("{name!r} stuurt marketing per e-mail aan {whom}, en de privacyverklaring vermeldt "
                                   "niet dat zij daarvoor toestemming hebben gegeven, wat {law} vereist{caveat}."),
    "email-marketing-no-opt-out": ("{name!r} e-mailt klanten zonder hun toestemming en de privacyverklaring vermeldt geen "
                                   "manier om zich af te melden, wat de klantuitzondering van {law} vereist{caveat}."),
    # -- checks/risk.py
    "ap-list.covert_investigation": "heimelijk onderzoek, waaronder onderzoek ter bestrijding van fraude (punt 1)",
    "ap-list.black_list": ("zwarte lijsten: gegevens over strafbare feiten, onrechtmatig of hinderlijk gedrag of "
                           "wanbetaling die met derden worden gedeeld (punt 2)"),
    "ap-list.fraud_detection": "grootschalige verwerking of stelselmatige monitoring ter bestrijding van fraude (punt 3)",
    "ap-list.credit_scoring": ("grootschalige verwerking of monitoring die leidt tot een beoordeling van de "
                               "kredietwaardigheid (punt 4)"),
    "wp248.evaluation": "evaluatie of scoretoekenning, waaronder profilering",
    "wp248.decision": "geautomatiseerde besluiten met rechtsgevolgen of vergelijkbare wezenlijke gevolgen",
    "wp248.monitoring": "stelselmatige monitoring",
    "wp248.sensitive": "bijzondere persoonsgegevens of strafrechtelijke gegevens",
    "wp248.large_scale": "verwerking op grote schaal",
    "wp248.vulnerable": "kwetsbare betrokkenen",
    "wp248.innovative": "innovatieve technologie",
    "wp248.blocks_service": "verwerking die mensen van een dienst kan uitsluiten",
    "risk-ap-list": "een verwerking op de DPIA-lijst van de Autoriteit Persoonsgegevens ({item})",
    "risk-art35-3-a": ("geautomatiseerde besluiten met rechtsgevolgen of vergelijkbare wezenlijke gevolgen (art. 35 "
                       "lid 3 sub a AVG)"),
    "risk-art35-3-c": ("stelselmatige en grootschalige monitoring van openbaar toegankelijke ruimten (art. 35 lid 3 "
                       "sub c AVG)"),
    "risk-triggers": "{name!r} omvat {triggers:;}, en de privacyverklaring {said}.",
    "risk-criteria": ("{name!r} voldoet aan {n} van de WP248-criteria voor een waarschijnlijk hoog risico ({met}), en de "
                      "privacyverklaring {said}."),
    "risk-criterion": ("{name!r} voldoet aan een van de WP248-criteria voor een waarschijnlijk hoog risico ({met}), en de "
                       "privacyverklaring {said}; één criterium alleen vereist zelden een DPIA."),
    # -- checks/roles.py
    "integration.social_login": "inloggen met een account bij haar",
    "integration.fan_page": "de pagina van de verwerkingsverantwoordelijke op haar netwerk",
    "integration.social_plugin": "een social plug-in", "integration.embedded_content": "ingesloten content",
    "integration.tracking_pixel": "een trackingpixel",
    "joint-collection": ("{name!r} verzamelt gegevens van bezoekers via {ways} op de website van de "
                         "verwerkingsverantwoordelijke, voor eigen doeleinden; voor die verzameling en doorzending zijn "
                         "de verwerkingsverantwoordelijke en {name!r} gezamenlijke verwerkingsverantwoordelijken, en de "
                         "privacyverklaring stelt geen regeling tussen hen beschikbaar."),
    "joint-arrangement-missing": ("De privacyverklaring noemt {name!r} een gezamenlijke verwerkingsverantwoordelijke, "
                                  "maar stelt geen regeling tussen hen beschikbaar."),
    "processor-own-purposes": ("De privacyverklaring noemt {name!r} een {role}, maar zegt ook dat deze de gegevens voor "
                               "eigen doeleinden gebruikt ({uses:;}); voor dat gebruik treedt zij op als "
                               "verwerkingsverantwoordelijke."),
    "storage-denied": ("Volgens de privacyverklaring verwerkt {name!r} de gegevens niet ({description}), terwijl de "
                       "gegevens bij haar zijn opgeslagen; het opslaan van persoonsgegevens is een verwerking."),
    "controller-called-processor": ("De privacyverklaring noemt {name!r} {roles:and} van de verwerking die zij "
                                    "beschrijft; een verwerkingsverantwoordelijke is niet de verwerker van haar eigen "
                                    "verwerking."),
    # -- checks/cookies.py
    "topic-terminal-equipment": ("het opslaan of uitlezen van informatie op het apparaat van een gebruiker (art. 5 "
                                 "lid 3 van Richtlijn 2002/58/EG)"),
    "unchecked-trackers": ("of deze trackers (marketing, tracking, sociale media of niet ingedeeld) zonder toestemming "
                           "mogen worden geplaatst"),
    "unchecked-tracker": "of {tracker} zonder toestemming mag worden geplaatst",
    "tracker": "{name!r} ({type} voor {category})",
    "tracker-of": "{name!r} ({type} voor {category} van {provider!r})",
    "cookie-category.strictly_necessary": "strikt noodzakelijke doeleinden", "cookie-category.functional": "functionele doeleinden",
    "cookie-category.analytics": "analyse", "cookie-category.marketing": "marketing",
    "cookie-category.tracking": "tracking", "cookie-category.social_media": "sociale media",
    "cookie-category.unclassified": "niet ingedeelde doeleinden",
    "cookie-type.cookie": "cookie", "cookie-type.pixel": "pixel", "cookie-type.local_storage": "lokale opslag",
    "cookie-type.sdk": "sdk", "cookie-type.script": "script", "cookie-type.embed": "ingesloten content",
    "trackers-no-consent": ("Deze trackers (marketing, tracking, sociale media of niet ingedeeld) worden geplaatst "
                            "zonder de bezoeker om toestemming te vragen, terwijl {law} die vereist{caveat}."),
    "trackers-opt-out": ("Deze trackers (marketing, tracking, sociale media of niet ingedeeld) worden geplaatst tenzij "
                         "de bezoeker ze in de browserinstellingen weigert; weigeren via de browser is geen "
                         "toestemming, terwijl {law} die vereist{caveat}."),
    "trackers-consent-unstated": ("De privacyverklaring vermeldt niet of toestemming wordt gevraagd voordat deze trackers "
                                  "(marketing, tracking, sociale media of niet ingedeeld) worden geplaatst, terwijl "
                                  "{law} die vereist{caveat}."),
    "analytics-exemption": "dat is onder {law} alleen rechtmatig als {exemption}",
    "analytics-no-exemption": "{law} zondert geen analysecookies uit van toestemming{caveat}",
    "analytics-no-consent": "{tracker} wordt zonder toestemming geplaatst; {condition}.",
    "analytics-opt-out": ("{tracker} wordt geplaatst tenzij de bezoeker die in de browserinstellingen weigert, en dat "
                          "is geen toestemming; {condition}."),
    "analytics-consent-unstated": ("De privacyverklaring vermeldt niet of toestemming wordt gevraagd voordat {tracker} "
                                   "wordt geplaatst; zonder toestemming geldt: {condition}."),
    # -- checks/decisions.py
    "automated-decision": "een {kind} met {effect}",
    "decision.decision": "geautomatiseerd besluit", "decision.scoring": "geautomatiseerde scoretoekenning",
    "decision.matching": "geautomatiseerde matching", "decision.ranking": "geautomatiseerde rangschikking",
    "decision.recommendation": "geautomatiseerde aanbeveling",
    "effect.legal": "rechtsgevolgen", "effect.similarly_significant": "vergelijkbare wezenlijke gevolgen",
    "effect.none": "geen gevolgen",
    "rests-on": "berust op {basis}",
    "rests-on-nothing": "berust op geen vermelde grondslag",
    "decision-no-exception": ("{name!r} omvat {what}, en {rests}, wat geen van de uitzonderingen van art. 22 lid 2 AVG "
                              "is."),
    "decision-consent-not-explicit": ("{name!r} omvat een geautomatiseerd besluit op grond van toestemming; art. 22 lid 2 "
                                      "sub c AVG vereist uitdrukkelijke toestemming, en dat vermeldt de "
                                      "privacyverklaring niet."),
    "decisions-denied": "ontkent geautomatiseerde besluiten",
    "decisions-unmentioned": "vermeldt geen geautomatiseerde besluiten",
    "decision-unstated": "{name!r} omvat {what}, maar de privacyverklaring {said}.",
    "decisions-denied-adverse-only": ("De privacyverklaring ontkent alleen geautomatiseerde besluiten met nadelige "
                                      "gevolgen; zij vermeldt niet of andere besluiten met rechtsgevolgen of "
                                      "vergelijkbare wezenlijke gevolgen geautomatiseerd worden genomen."),
    # -- checks/claims.py
    "not-provided.observed": "waargenomen", "not-provided.derived": "afgeleid",
    "not-provided.third_party": "van anderen verkregen", "not-provided.public": "uit openbare bronnen verkregen",
    "named-source": "{name!r} ({source})",
    "named-country": "{name!r} ({country})",
    "the-eea": "de EER",
    "claim.only_functional_cookies": "zij alleen functionele cookies gebruikt",
    "claim.data_stay_in": "de gegevens in {area} blijven",
    "claim.no_special_categories": "zij geen bijzondere categorieën van persoonsgegevens verwerkt",
    "claim.no_tracking": "zij bezoekers niet volgt",
    "claim.only_provided_data": "zij alleen de gegevens verwerkt die de betrokkene zelf verstrekt",
    "claim-contradicted": "De privacyverklaring zegt dat {said}, maar vermeldt ook: {found}.",
    "business.advertising": "advertenties", "business.analytics": "analyse",
    "business.marketing_automation": "marketingautomatisering",
    "essential-cookie-business": ("De privacyverklaring noemt {name!r} essentieel, maar de aanbieder {provider!r} is "
                                  "actief in {kinds:and}, waarvoor geen uitzondering op de toestemmingsplicht geldt."),
    # -- checks/notice_content.py
    "channel.email": "e-mail", "channel.phone": "telefoon", "channel.postal": "post",
    "channel.web_form": "webformulier", "channel.chat": "chat",
    "postal-address-missing": ("De privacyverklaring geeft contactgegevens van {name!r} ({channels}), maar geen "
                               "postadres waar zij is gevestigd."),
    "registration-missing": "De privacyverklaring vermeldt geen KvK-nummer of ander handelsregisternummer van {name!r}.",
    "repealed.wbp": "de Wet bescherming persoonsgegevens (Wbp), die de Uitvoeringswet AVG heeft ingetrokken",
    "repealed.directive_95_46": "Richtlijn 95/46/EG, die de AVG heeft ingetrokken (art. 94 lid 1 AVG)",
    "repealed-law-cited": "De privacyverklaring noemt {law} met ingang van 25 mei 2018.",
    "provision-requirement": "of het verstrekken van de gegevens een wettelijke of contractuele verplichting is",
    "provision-consequences": "wat de gevolgen zijn als zij niet worden verstrekt",
    "provision-other-data": "iets over de andere gegevens die bij de betrokkene worden verzameld",
    "provision-statement-incomplete": ("De mededeling van de privacyverklaring over het verstrekken van gegevens zegt "
                                       "niet {missing:each_or}."),
    "source-unnamed-third_party": ("Volgens de privacyverklaring kan {name!r} van anderen worden verkregen, maar zij "
                                   "vermeldt niet uit welke bron."),
    "source-unnamed-public": ("Volgens de privacyverklaring kan {name!r} uit openbare bronnen worden verkregen, maar zij "
                              "vermeldt niet uit welke bron."),
    # -- checks/provenance.py
    "quote-not-found": "Het citaat \u201c{quote}\u201d ({section}) staat niet in de privacyverklaring.",
    "unreviewed-draft": ("Deze verklaring is een niet-beoordeeld concept ({draft}); de bevindingen berusten op hoe een "
                         "programma de privacyverklaring leest."),
    # -- checks/retention_limits.py
    "kept-for": "gedurende {period}",
    "kept-forever": "zonder einde",
    "reactivation-copy": ("Een kopie van de gegevens van {name!r} wordt {kept} bewaard voor het geval de betrokkene het "
                          "opgezegde account terug wil; pac aanvaardt een bedenktijd van ten hoogste {grace}."),
    # -- checks/transparency.py
    "portability-cannot-arise": ("geen van de doeleinden die zij noemt, berust op toestemming of een overeenkomst "
                                 "(art. 20 lid 1 sub a AVG)"),
    "objection-cannot-arise": ("geen van de doeleinden die zij noemt, berust op een taak van algemeen belang of een "
                               "gerechtvaardigd belang, of is direct marketing (art. 21 leden 1 en 2 AVG)"),
    "controller-unstated": "De privacyverklaring vermeldt niet wie de verwerkingsverantwoordelijke is.",
    "controller-unnamed": "De privacyverklaring noemt de naam van de verwerkingsverantwoordelijke niet.",
    "controller-contact-missing": "De privacyverklaring geeft geen contactgegevens van {name!r}.",
    "representative-missing": ("{name!r} is gevestigd in {country}, buiten de EER, en de privacyverklaring noemt geen "
                               "vertegenwoordiger in de Unie."),
    "representative-if-targeting-union": ("{name!r} is gevestigd in {country}, onder de {statute}. De AVG is er "
                                          "alleen op van toepassing als het goederen of diensten aanbiedt aan "
                                          "personen in de Unie of hun gedrag daar monitort (art. 3 lid 2 AVG), wat "
                                          "de verklaring niet laat zien; alleen dan moet het een vertegenwoordiger "
                                          "in de Unie aanwijzen (art. 27 lid 1 AVG), die de privacyverklaring zou "
                                          "noemen."),
    "dpo-contact-missing": ("Volgens de privacyverklaring is een functionaris voor gegevensbescherming aangewezen, maar "
                            "zij geeft geen contactgegevens van de functionaris."),
    "dpo-contact-missing-named": ("Volgens de privacyverklaring is een functionaris voor gegevensbescherming ({name!r}) "
                                  "aangewezen, maar zij geeft geen contactgegevens van de functionaris."),
    "dpo-sensitive-large": ("De dienst zelf gebruikt bijzondere of strafrechtelijke persoonsgegevens ({names!r}) op grote "
                            "schaal, zoals de privacyverklaring zegt, en er is geen functionaris voor "
                            "gegevensbescherming aangewezen."),
    "dpo-sensitive-scale-unknown": ("De dienst zelf gebruikt bijzondere of strafrechtelijke persoonsgegevens "
                                    "({names!r}), er is geen functionaris voor gegevensbescherming aangewezen, en de "
                                    "privacyverklaring laat niet zien of dat op grote schaal gebeurt; een functionaris "
                                    "is verplicht als het een kernactiviteit op grote schaal is."),
    "dpo-monitoring-large": ("{names!r} volgt betrokkenen regelmatig en stelselmatig op grote schaal, zoals de "
                             "privacyverklaring zegt, en er is geen functionaris voor gegevensbescherming aangewezen."),
    "dpo-profiling-scale-unknown": ("Volgens de privacyverklaring vindt profilering plaats, er is geen functionaris voor "
                                    "gegevensbescherming aangewezen, en de privacyverklaring laat niet zien op welke "
                                    "schaal; een functionaris is verplicht als regelmatige en stelselmatige observatie "
                                    "op grote schaal een kernactiviteit is."),
    "topic-dpo": ("het aanwijzen van een functionaris voor gegevensbescherming buiten art. 37 lid 1 AVG om (art. 37 "
                  "lid 4 AVG)"),
    "unchecked-dpo": "of het nationale recht een functionaris voor gegevensbescherming vereist",
    "dpo-headcount-unstated": ("Er is geen functionaris voor gegevensbescherming aangewezen, en de verklaring vermeldt "
                               "niet hoeveel personen doorgaans permanent met de geautomatiseerde verwerking van "
                               "persoonsgegevens bezig zijn; {law} vereist er een vanaf {threshold}{caveat}."),
    "dpo-headcount-reached": ("Volgens de privacyverklaring zijn {count} personen doorgaans permanent met de "
                              "geautomatiseerde verwerking van persoonsgegevens bezig, en er is geen functionaris voor "
                              "gegevensbescherming aangewezen; {law} vereist er op {on} een vanaf {threshold}{caveat}."),
    "the-right.access": "het recht van inzage", "the-right.rectification": "het recht op rectificatie",
    "the-right.erasure": "het recht op gegevenswissing", "the-right.restriction": "het recht op beperking van de verwerking",
    "the-right.portability": "het recht op overdraagbaarheid van gegevens", "the-right.objection": "het recht van bezwaar",
    "right-may-not-arise": "De privacyverklaring vermeldt {right} niet; {reason}, dus het recht ontstaat mogelijk niet.",
    "rights-unstated": "De privacyverklaring vermeldt niet {rights:list_and}.",
    "complaint-right-unstated": ("De privacyverklaring vermeldt niet het recht om een klacht in te dienen bij een "
                                 "toezichthoudende autoriteit."),
    "automated-decisions-unstated": ("De privacyverklaring vermeldt niet of besluiten geautomatiseerd worden genomen, "
                                     "profilering daaronder begrepen; dat moet zij wel als dat gebeurt."),
    "decision-logic": "de onderliggende logica",
    "decision-consequences": "het belang en de verwachte gevolgen ervan",
    "automated-decisions-unexplained": ("Volgens de privacyverklaring worden geautomatiseerde besluiten genomen, maar zij "
                                        "licht {missing:only_or} niet toe."),
    "provision-unstated": ("De privacyverklaring vermeldt niet of het verstrekken van persoonsgegevens een wettelijke of "
                           "contractuele verplichting is, of wat er gebeurt als zij niet worden verstrekt."),
    "provision-unstated-marked": ("De privacyverklaring vermeldt niet of het verstrekken van persoonsgegevens een "
                                  "wettelijke of contractuele verplichting is, of wat er gebeurt als zij niet worden "
                                  "verstrekt. Zij merkt {names!r} aan als gegevens die moeten worden verstrekt."),
    "consent-age": "de leeftijd voor digitale toestemming in {country} is {age}",
    "consent-age-law": "de leeftijd voor digitale toestemming in {country} is {age} ({law})",
    "consent-age-default": ("het land van de verwerkingsverantwoordelijke is niet vermeld, dus geldt de leeftijd voor "
                            "digitale toestemming van de AVG: {age}"),
    "children-age-unstated": ("De verwerking berust op toestemming ({purposes!r}) en de verklaring omvat kinderen "
                              "({groups!r}), maar de privacyverklaring zegt niets over de leeftijd vanaf wanneer "
                              "kinderen toestemming kunnen geven of over toestemming van de ouders; {context}."),
    "children-age-low": ("De privacyverklaring verwerkt gegevens van kinderen vanaf {age} jaar zonder toestemming van een "
                         "ouder, en de verwerking berust op toestemming ({purposes!r}); {context}."),
    "response-minimum-only": ("De privacyverklaring neemt ten minste {period} om een verzoek te beantwoorden, zonder "
                              "maximum."),
    "response-too-long-answer": ("De privacyverklaring neemt {period} om een verzoek te beantwoorden; art. 12 lid 3 AVG "
                                 "staat {limit} toe."),
    "response-too-long-extend": ("De privacyverklaring neemt {period} om die termijn te verlengen; art. 12 lid 3 AVG "
                                 "staat {limit} toe."),
    "response-sometimes-too-long-answer": ("De privacyverklaring neemt {period} om een verzoek te beantwoorden; voor "
                                           "sommige data van ontvangst loopt dat voorbij de {limit} die art. 12 lid 3 "
                                           "AVG toestaat."),
    "response-sometimes-too-long-extend": ("De privacyverklaring neemt {period} om die termijn te verlengen; voor sommige "
                                           "data van ontvangst loopt dat voorbij de {limit} die art. 12 lid 3 AVG "
                                           "toestaat."),
    "notice-undated": "De privacyverklaring is niet gedateerd: zij vermeldt niet wanneer zij voor het laatst is bijgewerkt.",
    "notice-review-due": ("De privacyverklaring is voor het laatst bijgewerkt op {updated}; zij had uiterlijk op {due} "
                          "moeten worden herzien (herzieningstermijn {review})."),
    # -- pac.model: a retention rule in words (Retention.describe)
    "kept": "{limit}{period} bewaard",
    "kept-after": "{limit}{period} na {event} bewaard",
    "kept-until": "bewaard tot {event}",
    "kept-vague": "{vague} bewaard",
    "kept-described": "{rule} ({description})",
    "limit.exactly": "", "limit.at_most": "ten hoogste ", "limit.at_least": "ten minste ",
    "event-described": "een gebeurtenis die wordt omschreven als {description!r}",
    "event-other": "een andere gebeurtenis",
    "event.collection": "de verzameling", "event.creation": "het aanmaken",
    "event.contract_end": "het einde van de overeenkomst", "event.account_deletion": "het verwijderen van het account",
    "event.consent_withdrawal": "de intrekking van de toestemming", "event.unsubscription": "de afmelding",
    "event.request_closed": "de afhandeling van het verzoek", "event.incident_closed": "de afhandeling van het incident",
    "event.end_of_financial_year": "het einde van het boekjaar", "event.end_of_employment": "het einde van het dienstverband",
    "event.last_change": "de laatste wijziging", "event.session_end": "het einde van de sessie",
    "event.erasure_request": "een verzoek om wissing",
    # -- pac.records: why a purpose's data are taken to be statutory records
    "records-because": (" (als zulke bescheiden aangemerkt omdat {reason}; geef record_types op om dat te "
                        "wijzigen)"),
    "records-statute-named": "de privacyverklaring {statute!r} noemt voor {name!r}",
    "records-kind-words": "{name!r} een doel van de soort {kind} is en de verklaring ervan het woord {words!r} bevat",
    "kind.service_delivery": "dienstverlening", "kind.account_management": "accountbeheer",
    "kind.support": "klantenservice", "kind.billing": "facturering", "kind.legal_compliance": "wettelijke naleving",
    "kind.direct_marketing": "direct marketing", "kind.advertising": "advertenties", "kind.analytics": "analyse",
    "kind.service_improvement": "verbetering van de dienst", "kind.ai_training": "AI-training", "kind.security": "beveiliging",
    "kind.fraud_prevention": "fraudepreventie", "kind.communication": "communicatie", "kind.research": "onderzoek",
    "kind.recruitment": "werving", "kind.employment": "personeelszaken", "kind.publication": "publicatie",
    "kind.other": "overig",
    # -- checks/retention.py
    "only-data": " ({names})",
    "only-purposes": " voor {names!r}{data}",
    "rule-unverified": "de referentiegegevens van pac merken deze regel aan als niet geverifieerd",
    "rule-other-country": ("de regel geldt voor {country} en het land van de verwerkingsverantwoordelijke is "
                           "{home}"),
    "rule-other-country-unstated": ("de regel geldt voor {country} en het land van de verwerkingsverantwoordelijke is "
                                    "niet vermeld"),
    "caveats": "{message} ({caveats:;}).",
    "sentence": "{message}.",
    "retention-missing-activity": ("De privacyverklaring vermeldt voor geen van de gegevens van {name!r} een "
                                   "bewaartermijn of criteria."),
    "retention-missing": "De privacyverklaring vermeldt geen bewaartermijn of criteria voor {name!r}{part}.",
    "retention-vague": ("De privacyverklaring zegt alleen {vague!r} over hoe lang deze gegevens worden bewaard: geen "
                        "termijn en geen criteria om die te bepalen."),
    "retention-below-minimum": ("{name!r} wordt {rule}: korter dan de minimumtermijn van {minimum} van {statute} voor "
                                "{record!r}{because}"),
    "retention-below-minimum-promised": ("Voor {name!r} wordt alleen toegezegd: {rule}; dat is korter dan de "
                                         "minimumtermijn van {minimum} van {statute} voor {record!r}{because}"),
    "says-only": "; zij zegt alleen: {rules:;}",
    "statutory-retention-missing": ("{name!r}{part} omvat bescheiden die volgens {statute} ten minste {minimum} moeten "
                                    "worden bewaard ({record}), maar de privacyverklaring vermeldt daarvoor geen "
                                    "bewaartermijn{stated}{because}"),
    "retention-above-guidance": ("{name!r} wordt {rule}: langer dan de {maximum} die wordt aanbevolen door {authority} "
                                 "voor {record!r}{because}"),
    "retention-above-guidance-consent": ("{name!r} wordt {rule}: langer dan de {maximum} die met toestemming van de "
                                         "betrokkene wordt aanbevolen door {authority} voor {record!r}{because}"),
    "retention-unbounded": "De gegevens van {name!r}{scope} worden {rule}, en de privacyverklaring stelt geen maximum.",
    "retention-unbounded-subject": ("De gegevens van {name!r}{scope} worden {rule}, iets wat alleen de betrokkene teweeg "
                                    "kan brengen, en de privacyverklaring stelt geen maximum."),
    "consent-retention-outlasts": ("{name!r} berust op toestemming, maar de gegevens worden {rule}, en dat duurt langer "
                                   "dan de intrekking van de toestemming."),
    "consent-retention-not-ended": ("{name!r} berust op toestemming, maar de gegevens worden {rule}, en dat eindigt niet "
                                    "wanneer de toestemming wordt ingetrokken."),
    "retention-incompatible": ("{name!r} vermeldt onverenigbare bewaartermijnen voor dezelfde gegevens van {names!r}: "
                               "{first}, en {second}."),
    "retention-start-missing": ("Volgens de privacyverklaring worden de gegevens van {name!r}{scope} {rule}, zonder te "
                                "zeggen vanaf welke gebeurtenis die termijn loopt."),
    # -- pac.engine: notes on an organisation's run
    "note.waiver-expired": ("de ontheffing van {check} ({subject}) is op {expires} verlopen en geldt niet meer "
                            "({location})"),
    "note.waiver-unused": "de ontheffing van {check} ({subject}) paste op geen enkele bevinding ({location})",
    "note.all-subjects": "alle onderwerpen",
    "note.notice-unavailable": ("de tekst van de privacyverklaring {path} is niet beschikbaar (geen leesbaar gewoon "
                                "bestand binnen de groottegrens), dus de citaten zijn er niet mee vergeleken"),
}

_BOOK = {"en": MappingProxyType(_EN), "nl": MappingProxyType(_NL)}


def phrasebook(lang: str) -> Mapping[str, Any]:
    """The phrase book of ``lang`` (``en`` or ``nl``)."""
    return _BOOK[lang]
