// English texts of the phone layouts and of the confirmations before irreversible steps.
export const mobileEn = {
  confirm: {
    whatNext: 'What happens next',
    cancel: 'Cancel',
    close: 'Close',
    submit: {
      title: 'Submit the dossier to the commune?',
      next: 'The dossier goes to the commune People\'s Committee and can no longer be edited. The commune has 15 working days to check it, write its report (Mẫu 03) and forward it to the province, or return it for completion.',
    },
    resubmit: {
      title: 'Resubmit the completed dossier?',
      next: 'The dossier goes back to the office that returned it and can no longer be edited until it has been reviewed.',
    },
    forward: {
      title: 'Forward the dossier to the province?',
      next: 'The Mẫu 03 report is saved and the dossier goes to the provincial OCOP office; the commune can no longer change the report. The province checks it and accepts or returns it.',
    },
    accept: {
      title: 'Accept the dossier?',
      next: 'The dossier is recorded as complete and goes to the advisory team for review; the producer is told it was accepted. It is then put on a council session.',
      nextCentral: 'The 5-star dossier is recorded as complete and goes to the central council\'s advisory team.',
    },
    return: {
      title: 'Return the dossier to the producer?',
      next: 'The producer sees each reason on the dossier, completes it and resubmits. It leaves your queue until it is resubmitted.',
    },
    reject: {
      title: 'Reject the dossier?',
      next: 'The dossier is rejected and ends here; the producer sees the ground. To be rated, the producer has to file a new dossier.',
    },
    decide: {
      title: 'Issue the decision?',
      next: 'Decision {{number}} is recorded on the dossier and can no longer be changed: {{outcome}}',
    },
    revoke: {
      title: 'Revoke certificate {{number}}?',
      next: 'The certificate stops being valid at once; the public verification page will say "Revoked" with decision {{decision}}. A revocation cannot be undone.',
    },
    closeSession: {
      title: 'Close the session and draw up the minutes?',
      next: 'The session closes and members can no longer score or change their sheets; each dossier\'s result goes to the dossier for the decision.',
    },
  },
  mobileNav: {
    workspace: 'Workspace',
  },
  listCard: {
    deadline: 'Due',
    stars: 'Stars',
  },
  formSteps: {
    label: 'Steps of the forms',
    progress: 'Step {{n}} of {{total}}',
    unit: 'Unit',
    product: 'Product',
    profile: 'Profile',
    capacity: 'Capacity',
    results: 'Results and plan',
    previous: 'Previous step',
    next: 'Save and continue',
    savedStep: 'Step {{n}} saved',
  },
};
