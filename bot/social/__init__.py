"""The caisse's pages on social networks: public comments, kept masked (`records`)."""
