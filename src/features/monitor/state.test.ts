import { describe, expect, it } from 'vitest';
import type { IndicatorDataset, MonitorSnapshot } from './types.ts';
import { createApp } from '../../../tests/support/features.ts';

const own: IndicatorDataset = {
  id: 'd1',
  name: '2025 bulletin',
  fileName: 'a.csv',
  importedAt: '2026-01-01T00:00:00.000Z',
  observations: [{ indicator: 'rd_intensity', year: 2025, value: 4.1, unit: '%', source: 'bulletin' }],
};
const frozen: MonitorSnapshot = {
  version: 1,
  createdAt: '2026-02-01T00:00:00.000Z',
  observations: [{ indicator: 'gazelle_firms', year: 2025, value: 60, unit: '家', source: 'report', place: 'zone-future-valley' }],
  tasks: [{ n: 4, status: 'done', note: 'opened', date: '2026-01-20' }],
};

describe('the monitor’s state', () => {
  it('shows the planner’s own figures and tasks until a snapshot link is opened, then only the snapshot’s', () => {
    const app = createApp('?panel=monitor');
    app.features.monitor.datasets = [own];
    app.features.monitor.tasks = [{ n: 2, status: 'under_way' }];
    expect(app.features.monitor.readOnly).toBe(false);
    expect(app.features.monitor.observations).toEqual(own.observations);
    expect(app.features.monitor.progress).toEqual([{ n: 2, status: 'under_way' }]);

    app.applyLink({ panel: 'monitor', monitor: { snapshot: 'AAAA' } });
    expect(app.features.monitor.readOnly).toBe(true);
    // Not decoded yet: nothing is shown rather than the planner's own figures under the snapshot's banner.
    expect(app.features.monitor.observations).toEqual([]);
    app.features.monitor.snapshotData = frozen;
    expect(app.features.monitor.observations).toEqual(frozen.observations);
    expect(app.features.monitor.progress).toEqual(frozen.tasks);

    // Leaving the snapshot brings the planner's own data back, and a new snapshot is decoded afresh.
    app.applyLink({ panel: 'monitor' });
    expect(app.features.monitor.readOnly).toBe(false);
    expect(app.features.monitor.snapshotData).toBeNull();
    expect(app.features.monitor.observations).toEqual(own.observations);
  });

  it('keeps a decoded snapshot when the rest of the link changes', () => {
    const app = createApp('?panel=monitor&msnap=AAAA');
    app.features.monitor.snapshotData = frozen;
    app.applyLink({ panel: 'monitor', monitor: { snapshot: 'AAAA', year: 2025 } });
    expect(app.features.monitor.snapshotData).toEqual(frozen);
    expect(app.features.monitor.year).toBe(2025);
  });

  it('puts only what differs from the defaults in the link, and is wanted by its tab or its link', () => {
    const app = createApp('');
    expect(app.features.monitor.toLink()).toBeUndefined();
    expect(app.features.monitor.wanted(app.panel)).toBe(false);
    expect(app.features.monitor.wanted('monitor')).toBe(true);
    app.features.monitor.indicator = 'unicorn_firms';
    app.features.monitor.year = 2024;
    expect(app.formatLink()).toContain('mind=unicorn_firms&myr=2024');
    expect(app.features.monitor.wanted('layers')).toBe(true);
    expect(createApp('?mind=zhangjiang_tier').features.monitor.indicator).toBe('zhangjiang_tier');
  });
});
