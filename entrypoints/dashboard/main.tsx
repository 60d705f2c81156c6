import { render } from 'preact';
import { Dashboard } from './Dashboard';
import { prefetchSiteStats } from './use-site-stats';
import { getDb } from '@/lib/store/db';
import { hasStatsCache } from '@/lib/store/stats-cache';
import './style.css';

// no cached aggregates to paint from (first visit): start reading the stored ones before the
// first render; with a cache, the read waits for the cached paint instead of competing with it
if (!hasStatsCache('')) prefetchSiteStats(getDb());
render(<Dashboard />, document.getElementById('app')!);
