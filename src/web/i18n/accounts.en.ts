// English texts of producer sign-up and invitation acceptance.
export const accountsEn = {
  signup: {
    link: 'New producer? Sign up',
    title: 'Sign up as an OCOP producer',
    intro: 'For cooperatives, cooperative groups, companies, farms and households with products to bring into the OCOP programme. You can log in as soon as you have signed up; the commune then approves the entity.',
    account: 'Your account',
    fullName: 'Your full name',
    passwordHint: 'At least 12 characters. A memorable phrase of a few words is a good choice.',
    entity: 'Entity',
    representative: 'Legal representative',
    sameAsMe: 'I am the representative',
    submit: 'Sign up',
    logInNow: 'Log in now',
    haveAccount: 'Already have an account? Log in',
  },
  invite: {
    title: 'Accept an invitation',
    intro: 'You are invited to join an OCOP entity. Choose your name and a password to create your account.',
    submit: 'Create my account',
    noToken: 'The link lacks its invitation code; open the exact link from the invitation e-mail, or ask for a new invitation.',
    repeat: 'Repeat the password',
  },
};
