import type { dutiesZhCN } from './catalog-duties.zh-CN.ts';

// English texts of the catalog's duties pages; the keys are those of catalog-duties.zh-CN.ts.
export const dutiesEn: Record<keyof typeof dutiesZhCN, string> = {
  'catalog.menu.duties': 'Duty lists',
  'catalog.menu.quality': 'Metadata quality',

  'catalog.duties.title': 'Duty lists',
  'catalog.duties.description':
    'What each department must collect and open under the published catalog; follows every catalog version.',
  'catalog.duties.tab.collect': 'Collection duties',
  'catalog.duties.tab.open': 'Open duties',
  'catalog.duties.tab.changes': 'Version changes',
  'catalog.duties.collectHint':
    'Collection duties: every published resource the department provides. Collect and update its data as often as the update cycle says; key and required items must not be missing.',
  'catalog.duties.openHint':
    'Open duties: the unconditionally and conditionally open resources. Provide the data by the open methods listed; conditional ones under their condition.',
  'catalog.duties.department': 'Department',
  'catalog.duties.allDepartments': 'All departments',
  'catalog.duties.ownDepartment': 'Own department',
  'catalog.duties.keyItems': 'Key / required items',
  'catalog.duties.keyItem': 'Key',
  'catalog.duties.openTypeMethods': 'Open type and methods',
  'catalog.duties.moreItems': '{count} more',
  'catalog.duties.noKeyItems': 'None marked',
  'catalog.duties.lastVersion': 'Last changed',
  'catalog.duties.fulfilment': 'Fulfilment',
  'catalog.duties.lastLoad': 'Data last loaded',
  'catalog.duties.noLoad': 'No data loaded yet',
  'catalog.duties.noLoadHelp': 'Once the data pools are connected, the time of the last data load shows here',
  'catalog.duties.noCondition': '—',
  'catalog.duties.emptyCollect': 'No collection duties: no catalog resource has been published',
  'catalog.duties.emptyOpen':
    'No open duties: no published resource is open unconditionally or conditionally',
  'catalog.duties.changes.version': 'Catalog version',
  'catalog.duties.changes.option': 'Version {number} ({date})',
  'catalog.duties.changes.hint':
    'Collection duties change when a resource is added or withdrawn, or its name or update cycle changes; open duties when a resource becomes open or stops being open, or its open type or methods change.',
  'catalog.duties.changes.summary':
    'Version {number}, published {date}, changed the duty lists of {count} department(s)',
  'catalog.duties.changes.empty': 'This version did not change any duty list',
  'catalog.duties.changes.noVersions': 'No catalog version has been published yet',
  'catalog.duties.changes.collect': 'Collection duties',
  'catalog.duties.changes.open': 'Open duties',
  'catalog.duties.changes.none': 'No change',
  'catalog.duties.changes.added': 'Added {count}',
  'catalog.duties.changes.changed': 'Changed {count}',
  'catalog.duties.changes.removed': 'Removed {count}',
  'catalog.duties.changes.kind.added': 'Added',
  'catalog.duties.changes.kind.changed': 'Changed',
  'catalog.duties.changes.kind.removed': 'Removed',
  'catalog.duties.changes.fields': 'What changed',

  'catalog.quality.page.description':
    "Metadata quality of each department's published resources (out of 100). Pick a department to see its weakest resources and what to fix.",
  'catalog.quality.page.chart': 'Average quality score by department',
  'catalog.quality.page.chartHint': "Click a bar to see the department's resources",
  'catalog.quality.page.table': 'Departments',
  'catalog.quality.page.department': 'Department',
  'catalog.quality.page.resources': 'Published resources',
  'catalog.quality.page.resourceCount': 'Resources',
  'catalog.quality.page.average': 'Average score',
  'catalog.quality.page.overall': 'Average of all resources',
  'catalog.quality.page.departments': 'Departments',
  'catalog.quality.page.level.good': 'Good',
  'catalog.quality.page.level.fair': 'Fair',
  'catalog.quality.page.level.poor': 'Needs work',
  'catalog.quality.page.view': 'View resources',
  'catalog.quality.page.weakest': '{name}: resource quality (lowest first)',
  'catalog.quality.page.weakestHint': 'Expand a row to see the criteria not met and how to meet them.',
  'catalog.quality.page.pick': 'Pick a department in the chart or the table to see its weakest resources',
  'catalog.quality.page.score': 'Quality score',
  'catalog.quality.page.edit': 'Improve',
  'catalog.quality.page.empty': 'No catalog resource has been published yet',
  'catalog.quality.page.emptyDepartment': 'This department has no published resources',
  'catalog.quality.page.timelyNote':
    '"Data updated on time" (15 points) can only be met once the data pools are connected and load data on schedule; no resource has these points yet.',
};
