package cn.chainscout.web;

import java.time.Instant;

/**
 * The body of every API error: what went wrong in words a user can act on, and where.
 *
 * @param status HTTP status code
 * @param error short name of the status
 * @param message what was wrong, naming the parameter and value
 * @param path the request path
 * @param timestamp when
 */
public record ApiError(int status, String error, String message, String path, String timestamp) {

	static ApiError of(int status, String error, String message, String path) {
		return new ApiError(status, error, message, path, Instant.now().toString());
	}
}
