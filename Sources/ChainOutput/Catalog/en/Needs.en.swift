extension Catalog {
    /// Needs that age and the three lists (三张清单): `orgs --section needs` and the
    /// validation of need dates, resources and projects.
    static let enNeeds: [String: String] = [
        "needs.col.overdue": "overdue",
        "needs.col.oldestOpenDays": "oldest open (days)",
        "needs.col.solvedWithDates": "solved with dates",
        "needs.col.medianDaysToSolve": "median days to solve",
        "needs.col.status": "status",
        "needs.col.responder": "responder",
        "needs.col.responderId": "responder id",
        "needs.col.responderName": "responder name",
        "needs.col.raised": "raised",
        "needs.col.ageDays": "age (days)",
        "needs.col.isOverdue": "overdue",
        "needs.col.resource": "resource",
        "needs.col.resourceName": "resource name",
        "needs.col.department": "department",
        "needs.ageing":
            "As of {asOf}: {unsolved} unsolved needs, {overdue} of them open longer than {days} days; {undated} without a raised date",
        "needs.ageing.noDate": "The park's data date is not a date, so needs cannot be aged ({unsolved} unsolved)",
        "needs.median":
            "Median days to solve: {median} (over {count} needs with raised and solved dates, of {solved} solved)",
        "needs.lists": "Three lists: {resources} department resources, {projects} action projects",
        "needs.resourcesWithoutNeed": "Resources that answer no need: {count}",
        "needs.withoutAction": "Unsolved needs with no resource or project: {count}",
        "problem.need.date.malformed": "\"{value}\" is not a date written yyyy-mm-dd",
        "problem.need.date.malformed.hint":
            "write the day as year-month-day with leading zeros, e.g. 2024-03-05 (a real calendar day)",
        "problem.need.date.solvedBeforeRaised": "solved on {solved}, before it was raised ({raised})",
        "problem.need.date.solvedBeforeRaised.hint":
            "a need is solved on or after the day it was raised; check both dates",
        "problem.need.date.afterDataDate": "{field} on {date}, after the park's data date {dataDate} ({day})",
        "problem.need.date.afterDataDate.hint":
            "a park describes the state on its data date; fix the date or move the data date (park.dataDate) later",
        "problem.need.date.solvedButOpen": "status {status} but the need has a solved date",
        "problem.need.date.solvedButOpen.hint":
            "set status to solved (or leave status out: a need with a solved date is solved), or remove the solved date",
        "problem.need.date.noDataDate":
            "needs have dates but the data date \"{dataDate}\" is not a date; their ages cannot be computed",
        "problem.need.date.noDataDate.hint":
            "write the data date as yyyy-mm-dd, yyyy-mm or yyyy (a month or year counts as its last day)",
        "problem.unknown.need": "unknown need \"{id}\"",
        "problem.unknown.resource": "unknown resource \"{id}\"",
        "problem.list.needs": "needs",
        "problem.list.resources": "resources",
        "problem.duplicate.resource": "duplicate resource id \"{id}\" (first at resources[{first}])",
        "problem.duplicate.resource.hint": "resource ids must be unique",
        "problem.duplicate.project": "duplicate project id \"{id}\" (first at projects[{first}])",
        "problem.duplicate.project.hint": "project ids must be unique",
    ]
}
