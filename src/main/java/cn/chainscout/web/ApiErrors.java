package cn.chainscout.web;

import cn.chainscout.enterprise.EnterpriseNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the JSON API as JSON bodies with a clear message; never a stack trace. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(EnterpriseNotFoundException.class)
	ResponseEntity<ApiError> notFound(EnterpriseNotFoundException ex, HttpServletRequest request) {
		return body(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ApiError> missing(NotFoundException ex, HttpServletRequest request) {
		return body(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(Exception ex, HttpServletRequest request) {
		return body(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件太大（上限 20 MB）", request);
	}

	@ExceptionHandler({ org.springframework.web.multipart.support.MissingServletRequestPartException.class,
			org.springframework.web.multipart.MultipartException.class })
	ResponseEntity<ApiError> noFile(Exception ex, HttpServletRequest request) {
		return body(HttpStatus.BAD_REQUEST, "请用表单字段 file 上传 CSV 或 XLSX 文件", request);
	}

	@ExceptionHandler({ IllegalArgumentException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ApiError> badRequest(Exception ex, HttpServletRequest request) {
		return body(HttpStatus.BAD_REQUEST, ex.getMessage(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return body(HttpStatus.BAD_REQUEST, "参数 " + ex.getName() + " 的值 '" + ex.getValue() + "' 无效", request);
	}

	@ExceptionHandler(StillStartingException.class)
	ResponseEntity<ApiError> starting(StillStartingException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "15")
			.body(ApiError.of(503, HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(), ex.getMessage(), request.getRequestURI()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {}", request.getRequestURI(), ex);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试或联系管理员", request);
	}

	private static ResponseEntity<ApiError> body(HttpStatus status, String message, HttpServletRequest request) {
		return ResponseEntity.status(status)
			.body(ApiError.of(status.value(), status.getReasonPhrase(), message, request.getRequestURI()));
	}
}
