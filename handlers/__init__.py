"""Understanding and acting: plain messages in, what to record and what to say out."""
