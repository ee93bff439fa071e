"""Text analysis shared by the summarisers and taggers: an Article split and tokenised once.

analyse (the Document) uses sentences (Punkt, fast path), postag (tokens, perceptron tags)
and stemming (English Snowball stems).
"""
