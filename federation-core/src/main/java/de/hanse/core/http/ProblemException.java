package de.hanse.core.http;

/** Thrown anywhere below a resource to answer with a {@link Problem}; mapped by {@link ProblemMappers}. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
