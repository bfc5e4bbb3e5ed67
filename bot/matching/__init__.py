"""Finding the topic a question is about: normalisation (synonyms, spelling) and the matcher."""
