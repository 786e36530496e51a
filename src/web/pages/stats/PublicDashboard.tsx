// The public dashboard at /thong-ke: published figures only, for anyone, on a phone first. A page of the web app
// (the charts need script anyway); the same figures are open data at /api/v1/indicators as JSON, CSV and xlsx.
import { Container } from '@mantine/core';
import DashboardPage from './DashboardPage.js';

export default function PublicDashboard() {
  return (
    <Container size="lg" py="lg" px={{ base: 'xs', xs: 'md' }}>
      <DashboardPage />
    </Container>
  );
}
